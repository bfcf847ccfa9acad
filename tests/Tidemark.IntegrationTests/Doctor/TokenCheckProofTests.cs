using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.Run;
using static Tidemark.IntegrationTests.Doctor.DoctorScene;

namespace Tidemark.IntegrationTests.Doctor;

/// <summary>
/// Issue #10 §1, "no false pass, ever": <c>token check</c> and <c>doctor</c> against the simulator with tokens that
/// cannot do everything. A capability is shown passed only when a probe proved it; push is proven by
/// <c>git push --dry-run</c> to the update branch the repository configures; the audit trail gets one summary event.
/// </summary>
public sealed class TokenCheckProofTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly Dictionary<string, string> ReadOnly = new() { ["contents"] = "read", ["pull_requests"] = "read", ["metadata"] = "read" };

    private static readonly Dictionary<string, string> WriteOnly = new() { ["contents"] = "write", ["metadata"] = "read" };

    private static readonly Dictionary<string, string> ReadWrite = new() { ["contents"] = "write", ["pull_requests"] = "write", ["metadata"] = "read" };

    [Theory]
    [InlineData("token", "check")]
    [InlineData("doctor")]
    public async Task TokenCheck_ReadOnlyFineGrainedToken_PushFailsAndNothingUnprovenIsPassed(params string[] command)
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], ReadOnly, scene.GitHub.Time.GetUtcNow().AddDays(90));

        var run = await RunAsync(scene, command, token.Value, []);

        DoctorCommandTests.AssertFails(run, "push-permission", "Cannot push to branch: the token may read", "Contents: Read and write");
        Assert.Contains("✖ Push branch", run.Out, StringComparison.Ordinal);
        Assert.Contains("? Create PR", run.Out, StringComparison.Ordinal);
        Assert.Contains("not proven: add --write-probe", run.Out, StringComparison.Ordinal);
        AssertNoFalsePass(run);
        Assert.Empty(scene.Repository.PullRequests);
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
    }

    [Theory]
    [InlineData("token", "check")]
    [InlineData("doctor")]
    public async Task TokenCheck_WriteOnlyToken_PushProvenAndPullRequestsDenied(params string[] command)
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], WriteOnly, scene.GitHub.Time.GetUtcNow().AddDays(90));

        var run = await RunAsync(scene, command, token.Value, ["--write-probe"]);

        DoctorCommandTests.AssertFails(run, "pull-requests", "Cannot create PR: the token lacks Pull requests", "Pull requests: Read and write");
        Assert.True(Shows(run, "push-permission", "✔"), run.Out);
        Assert.Contains("✖ Create PR", run.Out, StringComparison.Ordinal);
        Assert.Contains("✔ Push branch", run.Out, StringComparison.Ordinal);
        AssertNoFalsePass(run);
        Assert.Empty(scene.Repository.PullRequests);
    }

    [Theory]
    [InlineData("token", "check")]
    [InlineData("doctor")]
    public async Task TokenCheck_ExpiredToken_FailsAuthenticationAndProvesNothing(params string[] command)
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], ReadWrite, scene.GitHub.Time.GetUtcNow().AddDays(-1));

        var run = await RunAsync(scene, command, token.Value, ["--write-probe"]);

        DoctorCommandTests.AssertFails(run, "token-validity", "invalid, expired or revoked", "create a new token");
        var summary = run.Out.Split("SUMMARY")[1];
        Assert.DoesNotContain("✔", summary, StringComparison.Ordinal);
        Assert.Contains("- Push branch       not proven: ", summary, StringComparison.Ordinal);
        AssertNoFalsePass(run);
        var audit = Assert.Single(await scene.AuditAsync("token.check"));
        Assert.Equal("denied", audit.Outcome.Name);
        Assert.Contains("token-validity", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCheck_GoodFineGrainedTokenWithoutWriteProbe_CreatePullRequestIsNotProvenButExitsZero()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], ReadWrite, scene.GitHub.Time.GetUtcNow().AddDays(90));

        var unproven = await TokenCheckAsync(scene, token.Value);
        var proven = await TokenCheckAsync(scene, token.Value, "--write-probe");

        Assert.True(unproven.ExitCode == 0, unproven.Out + unproven.Error);
        Assert.True(Shows(unproven, "pull-requests", "?"), unproven.Out);
        Assert.Contains("prove: add --write-probe", unproven.Out, StringComparison.Ordinal);
        Assert.Contains("? Create PR", unproven.Out, StringComparison.Ordinal);
        Assert.Contains("✔ Push branch", unproven.Out, StringComparison.Ordinal);
        Assert.Contains("No check failed, but not everything was proven. Not proven: Create PR (add --write-probe", unproven.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("All checks passed", unproven.Out, StringComparison.Ordinal);
        Assert.True(proven.ExitCode == 0, proven.Out + proven.Error);
        Assert.Contains("✔ Create PR", proven.Out, StringComparison.Ordinal);
        Assert.Contains("All checks passed.", proven.Out, StringComparison.Ordinal);
        Assert.Empty(scene.Repository.PullRequests);
        var audit = await scene.AuditAsync("token.check");
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("ok", a.Outcome.Name));
        Assert.Contains(audit, a => a.Detail.EndsWith("not proven: Create PR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenCheck_JsonWithoutWriteProbe_IsOkButNotProvenAndSaysWhichCapability()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], ReadWrite, scene.GitHub.Time.GetUtcNow().AddDays(90));

        var run = await TokenCheckAsync(scene, token.Value, "--output", "json");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var json = System.Text.Json.Nodes.JsonNode.Parse(run.Out)!;
        Assert.True(json["ok"]!.GetValue<bool>());
        Assert.False(json["proven"]!.GetValue<bool>());
        var pulls = json["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "pull-requests")!;
        Assert.Equal("not-proven", pulls["status"]!.GetValue<string>());
        var summary = json["summary"]!.AsArray().Single(c => c!["capability"]!.GetValue<string>() == "create-pull-request")!;
        Assert.Equal("not-proven", summary["status"]!.GetValue<string>());
        Assert.Contains("--write-probe", summary["fix"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TokenCheck_UpdateBranchFluxImageUpdates_FindsThePullRequestOfThatBranch(bool onlyFluxNamesIt)
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.True((await scene.RunAsync()).ExitCode == 0);
        var number = Assert.Single(scene.Repository.PullRequests).Number;
        if (onlyFluxNamesIt)
        {
            // the ImageUpdateAutomation's push branch names it when tidemark.yaml does not
            var config = await File.ReadAllTextAsync(Path.Combine(scene.WorkDir, "repo", "tidemark.yaml"));
            await scene.GitHub.CommitAsync(scene.Repository, "main", new Dictionary<string, string> { ["tidemark.yaml"] = config.Replace("updateBranch: flux-image-updates\n", "", StringComparison.Ordinal) });
        }

        var check = await TokenCheckAsync(scene, scene.Token);

        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Contains($"update branch {RunScene.UpdateBranch}", check.Out, StringComparison.Ordinal);
        Assert.Contains($"the open pull request #{number} will be updated, not duplicated", check.Out, StringComparison.Ordinal);
        Assert.Contains($"push --dry-run to {RunScene.UpdateBranch}", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("tidemark/image-updates", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_TokenDeniedPullRequests_RecordsOneDeniedSummaryEventListingTheFailingChecks()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], new Dictionary<string, string> { ["contents"] = "read" });

        var doctor = await DoctorAsync(scene, token.Value);

        Assert.Equal(3, doctor.ExitCode);
        var audit = Assert.Single(await scene.AuditAsync("token.check"));
        Assert.Equal("denied", audit.Outcome.Name);
        Assert.StartsWith($"fine-grained …{token.Value[^4..]} #", audit.TokenFingerprint, StringComparison.Ordinal);
        Assert.StartsWith("doctor: 2 of ", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("checks failed: pull-requests, push-permission — Cannot create PR", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Value, audit.Detail, StringComparison.Ordinal);
    }

    /// <summary>Neither the verdict nor the summary claims what was not proven.</summary>
    private static void AssertNoFalsePass(CliRun run)
    {
        Assert.DoesNotContain("All checks passed", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("No check failed", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("✔ Create PR", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("write not proven by reading", run.Out, StringComparison.Ordinal);
    }
}
