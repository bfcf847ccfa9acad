using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class SelectionExplainTests
{
    [Fact]
    public void Select_Explain_GivesEveryTagAVerdictInInputOrder()
    {
        var filter = TagFilter.Create(@"^v", null).Value;
        string[] tags = ["v1.16.3", "1.17.0", "v1.16.1", "vnext", "v1.17.0-rc.1", "v2.0.0", "v1.18.0"];

        var selection = TagSelector.Select(new NonBreakingPolicy(), filter, tags, "v1.16.2", explain: true);

        Assert.Equal(
            [
                ("v1.16.3", Verdict.Lower), ("1.17.0", Verdict.FilteredOut), ("v1.16.1", Verdict.NotNewer),
                ("vnext", Verdict.NotAVersion), ("v1.17.0-rc.1", Verdict.DifferentShape), ("v2.0.0", Verdict.OutsidePolicy),
                ("v1.18.0", Verdict.Selected),
            ],
            selection.Verdicts.Select(v => (v.Tag, v.Verdict)));
        Assert.Equal("ranks below v1.18.0", selection.Verdicts[0].Text);
        Assert.Equal("in another major than v1.16.2", selection.Verdicts[5].Text);
    }

    [Fact]
    public void Select_ExplainRange_MarksPreReleases()
    {
        var policy = new SemverRangePolicy(SemverRange.Parse("^1.2").Value!);

        var selection = TagSelector.Select(policy, null, ["1.3.0-rc.1", "1.2.0"], null, explain: true);

        Assert.Equal(Verdict.PreRelease, selection.Verdicts[0].Verdict);
        Assert.Equal("pre-release; ^1.2 names none", selection.Verdicts[0].Text);
    }

    [Fact]
    public void Select_ExplainNumerical_MarksNonNumbers()
    {
        var selection = TagSelector.Select(new NumericalPolicy(SortOrder.Descending), null, ["7", "x", "3"], null, explain: true);

        Assert.Equal("3", selection.Selected);
        Assert.Equal(
            [Verdict.Lower, Verdict.NotAVersion, Verdict.Selected],
            selection.Verdicts.Select(v => v.Verdict));
        Assert.Equal("not a number", selection.Verdicts[1].Text);
    }

    [Fact]
    public void Select_ExplainWithoutCurrentVersion_ComparesNothing()
    {
        var selection = TagSelector.Select(new PatchPolicy(), null, ["1.0.1", "1.0.2"], "main", explain: true);

        Assert.Null(selection.Selected);
        Assert.All(selection.Verdicts, v => Assert.Equal(Verdict.OutsidePolicy, v.Verdict));
        Assert.Equal("2 not compared: no current version", Assert.Single(selection.Steps).Text);
    }

    [Fact]
    public void Select_WithoutExplain_HasNoVerdicts()
    {
        var selection = TagSelector.Select(new MajorPolicy(), null, ["1.0.0", "2.0.0"], "1.0.0");

        Assert.Empty(selection.Verdicts);
        Assert.Equal("2.0.0", selection.Selected);
    }
}
