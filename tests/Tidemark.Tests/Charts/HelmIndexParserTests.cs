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
    public void Parse_FlowMappingBrokenOverLines_ThrowsWhatTheClientTurnsIntoInvalidResponse() =>
        Assert.ThrowsAny<InvalidOperationException>(() => HelmIndexParser.Parse("entries:\n  a:\n  - annotations: {x: y,\n    version: 2.0.0}\n"u8.ToArray()));

    [Fact]
    public void Parse_EmptyDocument_GivesNoCharts() =>
        Assert.Empty(HelmIndexParser.Parse(new StringReader("")));

    [Fact]
    public void Parse_InvalidYaml_Throws() =>
        Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => HelmIndexParser.Parse(new StringReader("entries:\n  a: [\n")));

    private const string HelmLayout = """
        apiVersion: v1
        entries:
          empty: []
          podinfo:
          - annotations:
              notes: |
                version: 9.9.9 (a block scalar line that looks like a field)
            apiVersion: v2
            created: "2026-01-01T00:00:00Z"
            dependencies:
            - name: common
              version: 2.x.x
            description: a long description that go-yaml folds
              onto a second line
            digest: 00ff
            name: podinfo
            urls:
            - https://example.invalid/podinfo-6.7.1.tgz
            version: 6.7.1
          - version: "6.5.0" # quoted, first key of its item
            name: podinfo
          redis:
          - name: redis
            version: '18.1.0'
        generated: "2026-01-01T00:00:00Z"
        serverInfo: {}
        """;

    [Fact]
    public void Parse_HelmLayout_TheLineScannerReadsItAsTheYamlParserDoes()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(HelmLayout);

        var lines = HelmIndexLines.TryParse(bytes);
        var events = HelmIndexParser.Parse(new StringReader(HelmLayout));

        Assert.NotNull(lines);
        Assert.Equal(events.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, string.Join(",", e.Value))), lines.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, string.Join(",", e.Value))));
        Assert.Equal(["6.7.1", "6.5.0"], lines["podinfo"]);
        Assert.Equal(["18.1.0"], lines["redis"]);
    }

    [Theory]
    [InlineData("entries:\n  a:\n  - &x {version: 1.0.0}\n  b:\n  - *x\n", "a=1.0.0;b=1.0.0")]
    [InlineData("entries:\n  a: &l\n  - version: 1.0.0\n  b: *l\n", "a=1.0.0;b=1.0.0")]
    [InlineData("entries:\n  a:\n  - version: &v 1.0.0\n  b:\n  - version: *v\n", "a=1.0.0;b=1.0.0")]
    [InlineData("entries:\n  a:\n  - name: a\n    version: \"1.0.\\u0030\"\n", "a=1.0.0")]
    [InlineData("entries:\n  a:\n  - name: a\n    version:\n      1.0.0\n", "a=1.0.0")]
    [InlineData("entries: {a: [{version: 1.0.0}]}\n", "a=1.0.0")]
    [InlineData("entries:\n  a:\n  - name: a\n    annotations: {x: y,\n      version: 2.0.0}\n    version: 1.0.0\n", "a=1.0.0")]
    [InlineData("---\nentries:\n  a:\n  - version: 1.0.0\n", "a=1.0.0")]
    public void Parse_OutsideTheHelmLayout_FallsBackToTheYamlParser(string yaml, string expected)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(yaml);

        Assert.Null(HelmIndexLines.TryParse(bytes));
        Assert.Equal(expected, string.Join(";", HelmIndexParser.Parse(bytes).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={string.Join(",", e.Value)}")));
    }
}
