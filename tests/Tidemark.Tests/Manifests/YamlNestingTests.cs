using Tidemark.Configuration.Flux;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Tests.Manifests;

public sealed class YamlNestingTests
{
    private static readonly string Deep = "apiVersion: v1\nkind: ConfigMap\ndata: " + new string('[', 200_000) + new string(']', 200_000) + "\n";

    [Fact]
    public void Read_FileNestedTooDeep_IsInvalidWithTheReasonNotAStackOverflow()
    {
        var file = YamlReader.ReadWithYamlDotNet(Deep);

        Assert.False(file.IsValid);
        Assert.Equal(3, file.ErrorLine);
        Assert.Contains("nested more than 100 deep", file.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Read_BlockFileWithADeepFlowValue_IsInvalidNotAStackOverflow(string open, string close)
    {
        const int Levels = 100_000;
        var content = "image: nginx:1.0\nitems: " + string.Concat(Enumerable.Repeat(open, Levels)) + "1" + string.Concat(Enumerable.Repeat(close, Levels)) + "\n";

        var file = YamlReader.Read(content);

        Assert.False(file.IsValid);
        Assert.Contains("nested more than 100 deep", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FluxObjectReader_FileNestedTooDeep_ReadsNothing()
    {
        Assert.Same(FluxObjects.Empty, FluxObjectReader.Read("apiVersion: image.toolkit.fluxcd.io/v1\n" + Deep, "deep.yaml"));
    }

    [Theory]
    [InlineData("a: [1, [2, {b: '[not', c: \"{counted\"}]] # [[[ nor this\n")]
    [InlineData("pattern: ^[a-z]+$\nlist:\n  - - - x\n")]
    public void TooDeep_OrdinaryYaml_IsWithinTheLimits(string yaml)
    {
        Assert.Null(YamlNesting.TooDeep(yaml));
    }
}
