using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class SemverRangeTests
{
    // flux.md §2.2, row by row, plus Masterminds details
    [Theory]
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData("!=1.2.3", "1.2.4", true)]
    [InlineData("!=1.2.3", "1.2.3", false)]
    [InlineData(">1.2.3", "1.2.4", true)]
    [InlineData(">1.2.3", "1.2.3", false)]
    [InlineData("<1.2.3", "1.2.2", true)]
    [InlineData("<1.2.3", "1.2.3", false)]
    [InlineData(">=1.2.3", "1.2.3", true)]
    [InlineData("=>1.2.3", "1.2.3", true)]
    [InlineData("<=1.2.3", "1.2.3", true)]
    [InlineData("=<1.2.3", "1.2.4", false)]
    [InlineData(">=v1.2.0", "1.2.0", true)]
    [InlineData(">= 1.2.0", "1.3.0", true)]
    [InlineData(">=1.2 <3.0.0", "2.9.9", true)]
    [InlineData(">=1.2 <3.0.0", "3.0.0", false)]
    [InlineData(">=1.2 <3.0.0", "1.1.9", false)]
    [InlineData(">=1.2, <3.0.0", "1.2.0", true)]
    [InlineData(">=1.2 , <3.0.0", "1.2.0", true)]
    [InlineData("<1.0.0 || >=2.0.0", "0.9.0", true)]
    [InlineData("<1.0.0 || >=2.0.0", "1.5.0", false)]
    [InlineData("<1.0.0 || >=2.0.0", "2.0.0", true)]
    [InlineData("1.2 - 1.4.5", "1.2.0", true)]
    [InlineData("1.2 - 1.4.5", "1.4.5", true)]
    [InlineData("1.2 - 1.4.5", "1.4.6", false)]
    [InlineData("1.2 - 1.4.5", "1.1.9", false)]
    [InlineData("1.2 - 1.4", "1.4.9", true)]
    [InlineData("1.2-1.4.5", "1.3.0", false)]
    [InlineData("1.2-1.4.5", "1.2.0-1.4.5", true)]
    [InlineData("1.2.x", "1.2.9", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("1.2.X", "1.2.0", true)]
    [InlineData("1.2.*", "1.2.7", true)]
    [InlineData("1.x", "1.9.0", true)]
    [InlineData("1.x", "2.0.0", false)]
    [InlineData("<=2.x", "2.99.0", true)]
    [InlineData("<=2.x", "3.0.0", false)]
    [InlineData("*", "0.0.0", true)]
    [InlineData("*", "99.1.2", true)]
    [InlineData("x", "4.5.6", true)]
    [InlineData("~1.2.3", "1.2.3", true)]
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("~1.2.3", "1.2.2", false)]
    [InlineData("~>1.2.3", "1.2.5", true)]
    [InlineData("~1", "1.9.9", true)]
    [InlineData("~1", "2.0.0", false)]
    [InlineData("~2.3", "2.3.9", true)]
    [InlineData("~2.3", "2.4.0", false)]
    [InlineData("^1.2.3", "1.9.0", true)]
    [InlineData("^1.2.3", "2.0.0", false)]
    [InlineData("^1.2.3", "1.2.2", false)]
    [InlineData("^1.2", "1.2.0", true)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.3", true)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^0.0.3", "0.1.3", false)]
    [InlineData("^0", "0.9.9", true)]
    [InlineData("^0", "1.0.0", false)]
    [InlineData("^0.0", "0.0.9", true)]
    [InlineData("^0.0", "0.1.0", false)]
    [InlineData(">1", "1.9.0", false)]
    [InlineData(">1", "2.0.0", true)]
    [InlineData(">1.2", "1.2.9", false)]
    [InlineData(">1.2", "1.3.0", true)]
    [InlineData("=1.2", "1.2.5", true)]
    [InlineData("!=1.2", "1.2.5", false)]
    [InlineData("!=1.2", "1.3.0", true)]
    [InlineData("!=1.x", "1.3.0", false)]
    [InlineData("!=1.x", "2.0.0", true)]
    public void IsSatisfiedBy_FluxRangeTable_MatchesMasterminds(string range, string version, bool expected)
    {
        var parsed = SemverRange.Parse(range);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(expected, parsed.Value.IsSatisfiedBy(version));
    }

    [Theory]
    [InlineData("^1.2", "1.3.0-rc.1", false)]
    [InlineData(">=1.0.0-0", "1.3.0-rc.1", true)]
    [InlineData(">=1.0.0-0", "2.0.0", true)]
    [InlineData(">=1.0.0-0", "0.9.0-rc.1", false)]
    [InlineData("^1.x-0", "1.5.0-beta.2", true)]
    [InlineData(">=1.2.0-rc.1 <2.0.0", "1.9.0-alpha", true)]
    [InlineData(">=1.2.0-rc.1 <2.0.0", "2.0.0-alpha", true)]
    [InlineData(">=1.2.0-rc.1 <2.0.0 || >=3.0.0", "3.1.0-rc.1", false)]
    [InlineData(">=1.2.0-rc.1 <2.0.0 || >=3.0.0", "3.1.0", true)]
    [InlineData("*", "1.0.0-rc.1", false)]
    [InlineData("!=1.2.3", "1.2.4-rc.1", false)]
    public void IsSatisfiedBy_PreReleases_OnlyThroughAGroupNamingOne(string range, string version, bool expected)
    {
        var parsed = SemverRange.Parse(range);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(expected, parsed.Value.IsSatisfiedBy(version));
    }

    [Theory]
    [InlineData("v1.2.3", true)]
    [InlineData("1.2.3", true)]
    [InlineData("vv1.2.3", false)]
    [InlineData("v1.2", false)]
    [InlineData("latest", false)]
    public void IsSatisfiedBy_TagText_StripsOneLeadingV(string tag, bool expected)
    {
        var range = SemverRange.Parse(">=1.0.0").Value!;

        Assert.Equal(expected, range.IsSatisfiedBy(tag));
    }

    [Theory]
    [InlineData(">=1.2 <", "expected a version after \"<\" at position 6")]
    [InlineData("", "expected a version at position 0")]
    [InlineData("   ", "expected a version at position 3")]
    [InlineData("^1.2 ||", "expected a version after \"||\" at position 5")]
    [InlineData("|| ^1.2", "expected a version at position 0")]
    [InlineData(">=1.2,", "expected a version after \",\" at position 5")]
    [InlineData(">=1.2 ,, <2", "expected a version at position 7")]
    [InlineData(">=1.2<2", "unexpected \"<\" at position 5")]
    [InlineData("1.2 - ", "expected a version after \"-\" at position 4")]
    [InlineData("1.2 -", "expected a version at position 4 but found \"-\"")]
    [InlineData("1.2 - >2", "expected a version after \"-\" at position 4")]
    [InlineData("1.2.3.4", "more than three numeric parts")]
    [InlineData("^1.2.3-", "invalid pre-release \"\" at position 7")]
    [InlineData("^1.2.3-rc..1", "invalid pre-release \"rc..1\" at position 7")]
    [InlineData("^1.2.3-01", "invalid pre-release \"01\"")]
    [InlineData("latest", "expected a version at position 0 but found \"l\"")]
    [InlineData(">=1.2a", "unexpected \"a\" at position 5")]
    [InlineData(">=99999999999999999999", "number at position 2 is too large")]
    [InlineData("~=1.2", "expected a version after \"~\" at position 0")]
    public void Parse_InvalidRange_SaysWhatAndWhere(string range, string fragment)
    {
        var parsed = SemverRange.Parse(range);

        Assert.False(parsed.Succeeded);
        Assert.StartsWith($"invalid semver range \"{range}\": ", parsed.Error, StringComparison.Ordinal);
        Assert.Contains(fragment, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ^1.2 ", "^1.2")]
    [InlineData(">=1.0.0 <2.0.0 || 3.x", ">=1.0.0 <2.0.0 || 3.x")]
    public void Parse_ValidRange_KeepsTrimmedText(string range, string text)
    {
        var parsed = SemverRange.Parse(range);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(text, parsed.Value.Text);
        Assert.Equal(text, parsed.Value.ToString());
    }

    [Fact]
    public void Equals_SameText_AreEqual()
    {
        Assert.Equal(SemverRange.Parse("^1.2").Value, SemverRange.Parse(" ^1.2").Value);
    }
}
