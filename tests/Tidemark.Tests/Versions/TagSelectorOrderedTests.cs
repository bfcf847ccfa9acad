using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class TagSelectorOrderedTests
{
    private const string MinIo = "RELEASE.2024-05-01T01-11-10Z RELEASE.2024-10-13T13-34-11Z RELEASE.2023-12-20T01-00-02Z latest RELEASE.2024-10-13T13-34-11Z.fips";

    [Theory]
    [InlineData(MinIo, "alphabetical", "latest")]
    [InlineData(MinIo, "alphabetical:desc", "RELEASE.2023-12-20T01-00-02Z")]
    [InlineData("b a c B", "alphabetical:asc", "c")]
    [InlineData("b a c B", "alphabetical:desc", "B")]
    [InlineData("v10 v9", "alphabetical", "v9")]
    public void Select_Alphabetical_UsesOrdinalOrder(string tags, string policy, string expected)
    {
        var selection = TagSelector.Select(PolicyParser.Parse(policy).Value!, null, tags.Split(' '), null);

        Assert.Equal(expected, selection.Selected);
    }

    [Theory]
    [InlineData("asc", "RELEASE.2024-10-13T13-34-11Z")]
    [InlineData("desc", "RELEASE.2023-12-20T01-00-02Z")]
    public void Select_AlphabeticalWithMinIoFilter_ReportsOriginalTag(string order, string expected)
    {
        var filter = TagFilter.Create(@"^RELEASE\.(?P<timestamp>.*)Z$", "$timestamp").Value;

        var selection = TagSelector.Select(PolicyParser.Parse("alphabetical:" + order).Value!, filter, MinIo.Split(' '), null);

        Assert.Equal(expected, selection.Selected);
        Assert.Equal(3, selection.Candidates);
    }

    [Theory]
    [InlineData("1 10 9 2", "numerical", "10")]
    [InlineData("1 10 9 2", "numerical:desc", "1")]
    [InlineData("1.5 1.25 -3 1e3", "numerical:asc", "1e3")]
    [InlineData("1.5 1.25 -3 1e3", "numerical:desc", "-3")]
    [InlineData("latest 3 main NaN Infinity 0x10 7", "numerical", "7")]
    [InlineData("latest main", "numerical", null)]
    public void Select_NumericalMixedTags_IgnoresNonNumbers(string tags, string policy, string? expected)
    {
        var selection = TagSelector.Select(PolicyParser.Parse(policy).Value!, null, tags.Split(' '), null);

        Assert.Equal(expected, selection.Selected);
    }

    [Fact]
    public void Select_NumericalWithFluxBranchIdiom_PicksNewestBuild()
    {
        var filter = TagFilter.Create("^main-[a-fA-F0-9]+-(?P<ts>[1-9][0-9]*)", "$ts").Value;
        string[] tags = ["main-abc123-1712000000", "main-def456-1712999999", "main-0a0a0a-999", "feature-aaa-1800000000", "latest"];

        var selection = TagSelector.Select(new NumericalPolicy(SortOrder.Ascending), filter, tags, "main-abc123-1712000000");

        Assert.Equal("main-def456-1712999999", selection.Selected);
        Assert.Equal("main-def456-1712999999 has the highest number by \"1712999999\" (numerical:asc)", selection.Reason);
        Assert.Equal(["filter ^main-[a-fA-F0-9]+-(?P<ts>[1-9][0-9]*) removed 2"], selection.Steps.Select(step => step.Text));
    }

    [Fact]
    public void Select_NumericalWithNonNumbers_CountsThem()
    {
        var selection = TagSelector.Select(new NumericalPolicy(SortOrder.Ascending), null, ["1", "x", "y"], null);

        Assert.Equal("2 tags are not numbers", Assert.Single(selection.Steps).Text);
    }

    [Theory]
    [InlineData("1.0 1", null, "1.0")]
    [InlineData("1 1.0", "1", "1")]
    [InlineData("01 1 1.0", null, "1.0")]
    public void Select_NumericalTie_PrefersCurrentThenOrdinal(string tags, string? current, string expected)
    {
        var list = tags.Split(' ');

        var forward = TagSelector.Select(new NumericalPolicy(SortOrder.Ascending), null, list, current);
        var backward = TagSelector.Select(new NumericalPolicy(SortOrder.Ascending), null, list.Reverse().ToArray(), current);

        Assert.Equal(expected, forward.Selected);
        Assert.Equal(expected, backward.Selected);
    }

    [Fact]
    public void Select_AlphabeticalExtractCollision_IsDeterministic()
    {
        var filter = TagFilter.Create("^(?:a|b)-(?P<n>.*)$", "$n").Value;

        var forward = TagSelector.Select(new AlphabeticalPolicy(SortOrder.Ascending), filter, ["a-1", "b-1"], null);
        var backward = TagSelector.Select(new AlphabeticalPolicy(SortOrder.Ascending), filter, ["b-1", "a-1"], null);

        Assert.Equal("b-1", forward.Selected);
        Assert.Equal("b-1", backward.Selected);
    }

    [Fact]
    public void Select_NoTags_ReasonSaysNothingLeft()
    {
        var selection = TagSelector.Select(new AlphabeticalPolicy(SortOrder.Ascending), null, [], null);

        Assert.Null(selection.Selected);
        Assert.Equal("no tag left to choose from (alphabetical:asc)", selection.Reason);
    }
}
