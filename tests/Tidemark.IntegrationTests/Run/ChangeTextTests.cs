using Tidemark.Automation;

namespace Tidemark.IntegrationTests.Run;

/// <summary>The texts derived from a plan's changes, and the hidden marker that lets a run recognise its pull requests.</summary>
public sealed class ChangeTextTests
{
    private static PlannedChange Change(string image, string from, string to, string policy = "non-breaking") =>
        new(image, from, to, policy, null, "newer tag", [new SitePlace("apps/a.yaml", 3)]);

    [Theory]
    [InlineData("v1.16.2", "v1.18.2", true)]
    [InlineData("1.25.3-alpine", "1.27.3-alpine", true)]
    [InlineData("0.4.1", "0.4.9", true)]
    [InlineData("0.4.1", "0.5.0", false)]
    [InlineData("6.9.1", "7.0.0", false)]
    [InlineData("latest", "1.0.0", false)]
    public void IsNonBreaking_Versions_KeepsMajorOrZeroMinor(string from, string to, bool expected) =>
        Assert.Equal(expected, ChangeText.IsNonBreaking(from, to));

    [Fact]
    public void Body_MajorBump_NamesThePoliciesInsteadOfTheNonBreakingSentence()
    {
        var body = ChangeText.Body([Change("redis", "7.4.1", "8.0.0", "major"), Change("nginx", "1.25.3", "1.27.3")], "updates");

        Assert.Contains("\n\nPolicies applied: major, non-breaking.\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Only non-breaking changes", body, StringComparison.Ordinal);
        Assert.Contains("| `apps/a.yaml` | 2 |", body.Split('\n'));
    }

    [Fact]
    public void Marker_RenderedIntoTheBody_ParsesBackToBranchAndTargets()
    {
        var changes = new[] { Change("nginx", "1.25.3", "1.27.3"), Change("nginx", "1.25.3-alpine", "1.27.3-alpine"), Change("busybox", "1.36.1", "1.37.0") };

        var marker = PullRequestMarker.Parse("text before\n" + ChangeText.Body(changes, "flux-image-updates"));

        Assert.NotNull(marker);
        Assert.Equal("flux-image-updates", marker.Branch);
        Assert.True(marker.SameTargets(new Dictionary<string, string> { ["nginx"] = "1.27.3,1.27.3-alpine", ["busybox"] = "1.37.0" }));
        Assert.False(marker.SameTargets(new Dictionary<string, string> { ["nginx"] = "1.27.3", ["busybox"] = "1.37.0" }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("A person's pull request")]
    [InlineData("<!-- tidemark: {not json}} -->")]
    public void Marker_AbsentOrBroken_IsNull(string? body) => Assert.Null(PullRequestMarker.Parse(body));

    [Fact]
    public void CommitMessage_ListsEveryChangeUnderTheSubject() =>
        Assert.Equal("chore: update container images\n\n- nginx: 1.25.3 → 1.27.3\n", ChangeText.CommitMessage([Change("nginx", "1.25.3", "1.27.3")], PublishSettings.DefaultCommitSubject));
}
