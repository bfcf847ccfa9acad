using Tidemark.Registries;

namespace Tidemark.Tests.Charts;

public sealed class HelmIndexParserTests
{
    [Fact]
    public void Parse_Index_KeepsEveryChartsVersionsInFileOrder()
    {
        var index = HelmIndexParser.Parse(new StringReader("""
            apiVersion: v1
            entries:
              podinfo:
              - apiVersion: v2
                name: podinfo
                urls: [https://example.invalid/podinfo-6.7.1.tgz]
                maintainers: [{name: a, email: a@example.invalid}]
                version: 6.7.1
              - &old
                name: podinfo
                version: "6.5.0"
                dependencies:
                - {name: redis, version: 1.0.0}
              empty: []
              broken: null
            generated: "2026-01-01T00:00:00Z"
            """));

        Assert.Equal(["6.7.1", "6.5.0"], index["podinfo"]);
        Assert.Empty(index["empty"]);
        Assert.Empty(index["broken"]);
    }

    [Fact]
    public void Parse_EmptyDocument_GivesNoCharts() =>
        Assert.Empty(HelmIndexParser.Parse(new StringReader("")));

    [Fact]
    public void Parse_InvalidYaml_Throws() =>
        Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => HelmIndexParser.Parse(new StringReader("entries:\n  a: [\n")));
}
