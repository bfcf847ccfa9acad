using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class TagSelectorRangeTests
{
    [Theory]
    [InlineData("v1.2.0 v1.2.5 v1.3.0 v2.0.0 latest", "^1.2", "v1.3.0")]
    [InlineData("v1.2.0 v1.2.5 v1.3.0 v2.0.0", "~1.2", "v1.2.5")]
    [InlineData("v1.2.0 v1.2.5 v1.3.0-rc.1", "^1.2", "v1.2.5")]
    [InlineData("v1.2.0 v1.2.5 v1.3.0-rc.1", ">=1.0.0-0", "v1.3.0-rc.1")]
    [InlineData("1.0.0-rc.9 1.0.0-rc.10", ">=1.0.0-0", "1.0.0-rc.10")]
    [InlineData("1.0.0-rc9 1.0.0-rc10", ">=1.0.0-0", "1.0.0-rc9")]
    [InlineData("1.0.0-rc.1 1.0.0", ">=1.0.0-0", "1.0.0")]
    [InlineData("v1.0 v1 1.2.3.4 2022.04.1 1.5.0", "*", "1.5.0")]
    [InlineData("v3.0.0 v2.1.0 v2.0.0", "!=3.0.0", "v2.1.0")]
    [InlineData("v3.0.0 v2.1.0 v2.0.0", "<1.0.0", null)]
    [InlineData("0.2.3 0.2.9 0.3.0", "^0.2.3", "0.2.9")]
    [InlineData("0.0.3 0.0.4", "^0.0.3", "0.0.3")]
    [InlineData("1.4.5 1.4.6 1.2.0", "1.2 - 1.4.5", "1.4.5")]
    public void Select_Range_PicksHighestSatisfying(string tags, string range, string? expected)
    {
        var policy = new SemverRangePolicy(SemverRange.Parse(range).Value!);

        var selection = TagSelector.Select(policy, null, tags.Split(' '), currentTag: null);

        Assert.Equal(expected, selection.Selected);
    }

    [Theory]
    [InlineData("v1.2.3 1.2.3", "v1.0.0", "v1.2.3")]
    [InlineData("v1.2.3 1.2.3", "1.0.0", "1.2.3")]
    [InlineData("1.2.3 v1.2.3", null, "v1.2.3")]
    [InlineData("1.2.3+b1 1.2.3+b2", null, "1.2.3+b2")]
    [InlineData("v1.2.3 1.2.3", "1.2.3", "1.2.3")]
    public void Select_EqualPrecedence_TieBreaksDeterministically(string tags, string? current, string expected)
    {
        var policy = new SemverRangePolicy(SemverRange.Parse("^1").Value!);
        var list = tags.Split(' ');

        var forward = TagSelector.Select(policy, null, list, current);
        var backward = TagSelector.Select(policy, null, list.Reverse().ToArray(), current);

        Assert.Equal(expected, forward.Selected);
        Assert.Equal(expected, backward.Selected);
    }

    [Fact]
    public void Select_RangeBelowCurrent_SelectsAndSaysItIsLower()
    {
        var policy = new SemverRangePolicy(SemverRange.Parse("~1.2").Value!);

        var selection = TagSelector.Select(policy, null, ["1.2.7", "1.3.0"], "1.3.0");

        Assert.Equal("1.2.7", selection.Selected);
        Assert.Equal("1.2.7 is the highest version in ~1.2 (lower than the current 1.3.0)", selection.Reason);
    }

    [Fact]
    public void Select_Range_StepsCountEachStage()
    {
        var policy = new SemverRangePolicy(SemverRange.Parse("^1.2").Value!);
        var filter = TagFilter.Create(@"^v", null).Value;
        string[] tags = ["v1.2.0", "v1.3.0", "v1.4.0-rc.1", "v2.0.0", "v0.9.0", "vlatest", "1.5.0"];

        var selection = TagSelector.Select(policy, filter, tags, "v1.2.0");

        Assert.Equal("v1.3.0", selection.Selected);
        Assert.Equal(2, selection.Candidates);
        Assert.Equal(
            ["filter ^v removed 1", "1 tag is not versions", "1 pre-release", "2 outside ^1.2"],
            selection.Steps.Select(step => step.Text));
    }

    [Fact]
    public void Select_NoneSatisfies_ReasonSaysSo()
    {
        var policy = new SemverRangePolicy(SemverRange.Parse(">=3").Value!);

        var selection = TagSelector.Select(policy, null, ["1.0.0", "2.0.0"], null);

        Assert.Null(selection.Selected);
        Assert.Equal("no tag satisfies >=3 (2 tags considered)", selection.Reason);
    }
}
