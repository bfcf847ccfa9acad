using Tidemark.Forges;
using Tidemark.Forges.GitHub;
using static Tidemark.IntegrationTests.Forges.FixtureReplayHandler;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>
/// The adapter's read paths fed with GitHub's real recorded answers (npm <c>@octokit/fixtures</c> 23.1.2, installed
/// by scripts/ensure-npm.sh). Where a recording answers a call Tidemark never makes, its answer is served to the
/// adapter's own request of the same kind, named explicitly in the step.
/// </summary>
public sealed class GitHubForgeRecordedResponseTests
{
    private const string Org = "octokit-fixture-org";

    private static (GitHubForge Forge, FixtureReplayHandler Replay) Replaying(string repository, params Step[] steps)
    {
        var replay = new FixtureReplayHandler(steps);
        // the recordings' token is normalised to zeros; this one is sent nowhere
        return (ForgeFactory.For(BaseUri, Org, repository, "recorded-token", replay), replay);
    }

    [Fact]
    public async Task GetRepository_RecordedHelloWorld_DefaultBranchAndPermissions()
    {
        var (forge, replay) = Replaying("hello-world", Step.Recorded(RecordedCall.Scenario("get-repository")[0]));
        using var disposeForge = forge;

        var repository = await forge.GetRepositoryAsync(CancellationToken.None);

        replay.AssertAllServed();
        Assert.Equal(("octokit-fixture-org/hello-world", "master", false, false), (repository.FullName, repository.DefaultBranch, repository.Private, repository.Archived));
        Assert.Equal(new ForgePermissions(Admin: true, Maintain: true, Push: true, Triage: true, Pull: true), repository.Permissions);
    }

    [Fact]
    public async Task GetRepository_RecordedRenameRedirect_FollowsThe301()
    {
        var calls = RecordedCall.Scenario("rename-repository");
        var (forge, replay) = Replaying("rename-repository", Step.Recorded(calls[1]), Step.Recorded(calls[2]));
        using var disposeForge = forge;

        var repository = await forge.GetRepositoryAsync(CancellationToken.None);

        replay.AssertAllServed();
        Assert.EndsWith("/rename-repository-newname", "/" + repository.FullName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main", null)]
    [InlineData("release", "foo/bar")]
    public async Task GetBranchProtection_RecordedAnswers_NullWhenNotProtectedElseTheChecks(string branch, string? check)
    {
        var calls = RecordedCall.Scenario("branch-protection");
        // "Branch not protected" is the recorded GET; the protected answer is the recorded PUT's body (same schema)
        var step = check is null
            ? Step.Recorded(calls[0])
            : new Step(calls[2], "GET", $"/repos/{Org}/branch-protection/branches/{branch}/protection");
        var (forge, replay) = Replaying("branch-protection", step);
        using var disposeForge = forge;

        var protection = await forge.GetBranchProtectionAsync(branch, CancellationToken.None);

        replay.AssertAllServed();
        Assert.Equal(check, protection?.RequiredStatusChecks.Single());
    }

    [Theory]
    [InlineData("test")]
    public async Task DeleteBranch_RecordedDelete_Succeeds(string branch)
    {
        var delete = RecordedCall.Scenario("git-refs").Single(c => c.Method == "DELETE");
        var (forge, replay) = Replaying("git-refs", Step.Recorded(delete));
        using var disposeForge = forge;

        await forge.DeleteBranchAsync(branch, CancellationToken.None);

        replay.AssertAllServed();
        Assert.Equal(1, forge.WriteCount);
    }

    [Theory]
    [InlineData("errors", 0, "Validation", 422, "Label.color: invalid")]
    [InlineData("branch-protection", 0, "NotFound", 404, "Branch not protected")]
    [InlineData("release-assets-conflict", 1, "Validation", 422, "already_exists")]
    public async Task Comment_RecordedRefusal_ClassifiedWithGitHubsDetail(string scenario, int index, string kind, int status, string detail)
    {
        // Tidemark never creates labels or release assets: the recorded refusal answers a comment instead
        var answer = RecordedCall.Scenario(scenario)[index];
        var (forge, replay) = Replaying(scenario, new Step(answer, "POST", $"/repos/{Org}/{scenario}/issues/7/comments"));
        using var disposeForge = forge;

        var error = await Assert.ThrowsAsync<ForgeException>(() => forge.CommentAsync(7, "hello", CancellationToken.None));

        replay.AssertAllServed();
        Assert.Equal((kind, status), (error.Kind.ToString(), error.StatusCode));
        Assert.Contains(error.Details, d => d.Contains(detail, StringComparison.Ordinal));
        Assert.Contains($"{Org}/{scenario}", error.Message, StringComparison.Ordinal);
        Assert.Equal("0000:00000:0000000:0000000:00000000", error.RequestId);
    }
}
