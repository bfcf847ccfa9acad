using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("v1.2.3", true)]
    [InlineData("1.2.0-x.Y.0+metadata", true)]
    [InlineData("v1.2.3-rc1-with-hyphen", true)]
    [InlineData("0.0.0", true)]
    [InlineData("1.2.3+build.01", true)]
    [InlineData("v1.0", false)]
    [InlineData("v1", false)]
    [InlineData("1.2.3.4", false)]
    [InlineData("v1.2-beta.5", false)]
    [InlineData("2022.04.1", false)]
    [InlineData("01.2.3", false)]
    [InlineData("1.2.3-01", false)]
    [InlineData("1.2.3-", false)]
    [InlineData("1.2.3+", false)]
    [InlineData("1.2.3-rc..1", false)]
    [InlineData("1.2.3-alpine_3", false)]
    [InlineData("V1.2.3", false)]
    [InlineData("latest", false)]
    public void TryParseTag_FluxExamples_StrictSemverAfterOneV(string tag, bool expected)
    {
        Assert.Equal(expected, SemanticVersion.TryParseTag(tag, out _));
    }

    [Theory]
    [InlineData("1.0.0-rc.9", "1.0.0-rc.10")]
    [InlineData("1.0.0-rc10", "1.0.0-rc9")]
    [InlineData("1.0.0-BETA", "1.0.0-alpha")]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.0.0", "1.0.1-0")]
    [InlineData("1.9.0", "1.10.0")]
    public void CompareTo_SpecPrecedence_LeftIsLower(string lower, string higher)
    {
        Assert.True(SemanticVersion.TryParseTag(lower, out var a));
        Assert.True(SemanticVersion.TryParseTag(higher, out var b));

        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(a) > 0);
    }

    [Theory]
    [InlineData("1.2.3+a", "1.2.3+b")]
    [InlineData("v1.2.3", "1.2.3")]
    public void CompareTo_BuildAndPrefix_AreIgnored(string left, string right)
    {
        Assert.True(SemanticVersion.TryParseTag(left, out var a));
        Assert.True(SemanticVersion.TryParseTag(right, out var b));

        Assert.Equal(0, a.CompareTo(b));
    }
}
