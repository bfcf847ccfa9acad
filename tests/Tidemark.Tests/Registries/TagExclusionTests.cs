using Tidemark.Registries;

namespace Tidemark.Tests.Registries;

public sealed class TagExclusionTests
{
    private static readonly string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static TheoryData<string, bool> DefaultCases => new()
    {
        { $"sha256-{Hex}.sig", true },
        { $"sha256-{Hex}.att", true },
        { $"sha256-{Hex}.sbom", true },
        { $"sha256-{Hex}", false },
        { $"sha256-{Hex[..63]}.sig", false },
        { $"sha256-{Hex.ToUpperInvariant()}.sig", false },
        { "v1.2.3.sig", false },
        { "1.27-alpine", false },
        { "latest", false },
    };

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public void Default_CosignTags_AreExcluded(string tag, bool excluded) => Assert.Equal(excluded, TagExclusion.Default.IsExcluded(tag));

    [Theory]
    [InlineData("^.*\\.sig$", "v1.sig", true)]
    [InlineData("^.*\\.sig$", "sha256-abc.att", false)]
    [InlineData("rc", "1.0.0-rc.1", true)] // unanchored, like Go's MatchString
    [InlineData("rc", "1.0.0", false)]
    [InlineData("^v", "v2", true)]
    [InlineData("^v", "2v", false)]
    [InlineData("-(alpha|beta)\\d*$", "3.0-beta2", true)]
    public void FromExclusionList_GivenPatterns_ReplaceTheDefault(string pattern, string tag, bool excluded) =>
        Assert.Equal(excluded, TagExclusion.FromExclusionList([pattern]).IsExcluded(tag));

    [Fact]
    public void FromExclusionList_GivenList_NoLongerExcludesCosignTags() =>
        Assert.False(TagExclusion.FromExclusionList(["^x$"]).IsExcluded($"sha256-{Hex}.sig"));

    [Fact]
    public void FromExclusionList_EmptyList_ExcludesNothing() =>
        Assert.False(TagExclusion.FromExclusionList([]).IsExcluded($"sha256-{Hex}.sig"));

    [Fact]
    public void FromExclusionList_Null_IsTheDefault() => Assert.Same(TagExclusion.Default, TagExclusion.FromExclusionList(null));

    [Fact]
    public void FromExclusionList_InvalidPattern_NamesThePattern()
    {
        var error = Assert.Throws<ArgumentException>(() => TagExclusion.FromExclusionList(["(unclosed"]));

        Assert.Contains("exclusionList pattern \"(unclosed\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_KeepsOrderAndCountsExcluded()
    {
        var (kept, excluded) = TagExclusion.Default.Apply(["b", $"sha256-{Hex}.sig", "a"]);

        Assert.Equal(["b", "a"], kept);
        Assert.Equal(1, excluded);
    }
}
