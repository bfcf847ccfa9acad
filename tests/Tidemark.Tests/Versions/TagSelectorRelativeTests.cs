using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class TagSelectorRelativeTests
{
    private const string CertManager = "v1.15.0 v1.16.1 v1.16.2 v1.16.3 v1.17.0-alpha.1 v1.17.0 v1.18.2 v1.18.1 v2.0.0 1.19.0 latest";

    [Theory]
    [InlineData(CertManager, "non-breaking", "v1.16.2", "v1.18.2")]
    [InlineData(CertManager, "patch", "v1.16.2", "v1.16.3")]
    [InlineData(CertManager, "minor", "v1.16.2", "v1.18.2")]
    [InlineData(CertManager, "major", "v1.16.2", "v2.0.0")]
    [InlineData(CertManager, "non-breaking", "v1.18.2", null)]
    [InlineData(CertManager, "patch", "v1.18.2", null)]
    [InlineData(CertManager, "major", "v2.0.0", null)]
    [InlineData("0.5.0 0.5.3 0.6.0 0.7.1 1.0.0", "non-breaking", "0.5.0", "0.5.3")]
    [InlineData("0.5.0 0.5.3 0.6.0 0.7.1 1.0.0", "minor", "0.5.0", "0.7.1")]
    [InlineData("0.5.0 0.5.3 0.6.0 0.7.1 1.0.0", "patch", "0.5.3", null)]
    [InlineData("0.5.0 0.5.3 0.6.0 0.7.1 1.0.0", "major", "0.5.0", "1.0.0")]
    [InlineData("1.0.0 1.1.0 1.0.9", "non-breaking", "1.0.0", "1.1.0")]
    [InlineData("1.9.0 1.10.0 1.2.0", "minor", "1.2.0", "1.10.0")]
    public void Select_RelativePolicy_PicksHighestWithinScope(string tags, string policy, string current, string? expected)
    {
        var selection = Select(policy, tags, current);

        Assert.Equal(expected, selection.Selected);
    }

    [Theory]
    [InlineData("1.25.3-alpine 1.25.4-alpine 1.25.5 1.26.0-alpine 1.25.9-bookworm", "patch", "1.25.3-alpine", "1.25.4-alpine")]
    [InlineData("1.25.3-alpine 1.25.4-alpine 1.25.5 1.26.0-alpine", "non-breaking", "1.25.3-alpine", "1.26.0-alpine")]
    [InlineData("1.25.3 1.25.4-alpine 1.26.0-rc1 1.26.0-alpine", "non-breaking", "1.25.3", null)]
    [InlineData("1.25.3 1.25.4 1.26.0-rc1 1.26.0", "non-breaking", "1.25.3", "1.26.0")]
    [InlineData("v1.2.3 1.2.9 v1.2.4", "patch", "v1.2.3", "v1.2.4")]
    [InlineData("v1.2.3 1.2.9 v1.2.4", "patch", "1.2.3", "1.2.9")]
    [InlineData("1.25 1.26 1.26.1 2.0", "non-breaking", "1.25", "1.26")]
    [InlineData("1.25 1.26 1.26.1 2.0", "major", "1.25", "2.0")]
    [InlineData("1.25 1.26", "patch", "1.25", null)]
    [InlineData("2024.04.01 2024.05.02 2024.12.31 2025.01.01", "non-breaking", "2024.04.01", "2024.12.31")]
    [InlineData("2024.04.01 2024.05.02 2025.01.01", "major", "2024.04.01", "2025.01.01")]
    [InlineData("7 8 9 10", "major", "7", "10")]
    [InlineData("7 8 9 10", "non-breaking", "7", null)]
    [InlineData("1.2.3.4 1.2.3.5 1.2.4.0 1.3.0.0", "patch", "1.2.3.4", "1.2.4.0")]
    [InlineData("1.2.3-rc.1 1.2.4-rc.1 1.2.4", "patch", "1.2.3-rc.1", "1.2.4-rc.1")]
    [InlineData("1.2.3_x 1.2.4_x 1.2.5+y 1.2.6a", "patch", "1.2.3_x", "1.2.4_x")]
    public void Select_RelativePolicy_KeepsTheCurrentShape(string tags, string policy, string current, string? expected)
    {
        var selection = Select(policy, tags, current);

        Assert.Equal(expected, selection.Selected);
    }

    [Theory]
    [InlineData("1.2.0 1.1.0 1.0.0", "non-breaking", "1.3.0")]
    [InlineData("1.2.0 1.1.0 0.9.0", "major", "1.3.0")]
    [InlineData("1.2.0 1.3.0", "patch", "1.3.0")]
    public void Select_OnlyOlderTags_NeverDowngrades(string tags, string policy, string current)
    {
        var selection = Select(policy, tags, current);

        Assert.Null(selection.Selected);
        Assert.Contains($"nothing newer than {current}", selection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latest", "current tag \"latest\" is not a version; relative policies need one (use semver:RANGE, alphabetical or numerical)")]
    [InlineData(null, "no current tag; relative policies need one (use semver:RANGE, alphabetical or numerical)")]
    public void Select_CurrentIsNoVersion_SelectsNothingAndSaysWhy(string? current, string reason)
    {
        var selection = Select("non-breaking", "1.0.0 2.0.0", current);

        Assert.Null(selection.Selected);
        Assert.Equal(reason, selection.Reason);
    }

    [Fact]
    public void Select_Selected_ReasonNamesScopeAndPolicy()
    {
        var selection = Select("non-breaking", CertManager, "v1.16.2");

        Assert.Equal("v1.18.2 is the highest v1.x.y newer than v1.16.2 (non-breaking)", selection.Reason);
        Assert.Equal(4, selection.Candidates);
    }

    [Fact]
    public void Select_NothingNewer_ReasonNamesScope()
    {
        var selection = Select("non-breaking", CertManager, "v1.18.2");

        Assert.Equal("nothing newer than v1.18.2 within the same major (non-breaking)", selection.Reason);
    }

    [Fact]
    public void Select_FilterWithExtract_ComparesExtractedValues()
    {
        var filter = TagFilter.Create(@"^app-(?P<v>\d+\.\d+\.\d+)$", "$v").Value;
        var tags = new[] { "app-1.2.3", "app-1.2.9", "app-1.3.0", "other-1.2.10" };

        var selection = TagSelector.Select(new PatchPolicy(), filter, tags, "app-1.2.3");

        Assert.Equal("app-1.2.9", selection.Selected);
    }

    [Fact]
    public void Select_ShuffledInput_SameResult()
    {
        var tags = CertManager.Split(' ');
        var reversed = tags.Reverse().ToArray();

        var a = TagSelector.Select(new MajorPolicy(), null, tags, "v1.16.2");
        var b = TagSelector.Select(new MajorPolicy(), null, reversed, "v1.16.2");

        Assert.Equal(a, b with { Steps = a.Steps, Verdicts = a.Verdicts });
        Assert.Equal(a.Steps, b.Steps);
    }

    private static Selection Select(string policy, string tags, string? current) =>
        TagSelector.Select(PolicyParser.Parse(policy).Value!, null, tags.Split(' '), current);
}
