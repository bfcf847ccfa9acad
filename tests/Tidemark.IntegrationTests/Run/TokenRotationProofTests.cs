using System.Text.Json;
using Tidemark.IntegrationTests.Cli;
using Tidemark.Testing;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// Issue #10 §1: a next token is adopted only once it has proven, against this repository, every capability a run
/// needs — read, push (git push --dry-run to the update branch), pull requests. Real `tidemark run`, `token check` and
/// `token status` against the simulator on one fake clock; until the proof, the current token does the work and is
/// never called revocable.
/// </summary>
public sealed class TokenRotationProofTests(TokenLifeFixture fixture) : TokenLifeScenes(fixture), IClassFixture<TokenLifeFixture>
{
    [Fact]
    public async Task Run_ReadOnlyNextToken_KeepsTheCurrentTokenPushesWithItAndNamesWhatTheNextLacks()
    {
        var current = github.IssueClassicToken("alice", ["repo"], time.GetUtcNow().AddDays(60));
        var next = github.IssueFineGrainedToken("alice", "alice", [repository.Name], new Dictionary<string, string> { ["contents"] = "read", ["pull_requests"] = "read", ["metadata"] = "read" }, time.GetUtcNow().AddDays(90));
        var scene = Scene(current, next);
        var (currentPrint, nextPrint) = ($"classic …{current.Value[^4..]} #", $"fine-grained …{next.Value[^4..]} #");

        var check = await TokenCheckAsync(scene);
        var run = await scene.RunAsync("--next-token-env", "NEXT_TOKEN");
        var status = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath);
        var json = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath, "--output", "json");

        Doctor.DoctorCommandTests.AssertFails(check, "next-token", $"the next token ({nextPrint}", "Contents: Read and write");
        Assert.Contains($"cannot push to {RunScene.UpdateBranch}", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain($"next token ({nextPrint}", Line(check.Out, "works for"), StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.Error);
        var warning = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("tidemark: warning: the next token", StringComparison.Ordinal));
        Assert.StartsWith($"tidemark: warning: the next token ({nextPrint}", warning, StringComparison.Ordinal);
        Assert.Contains($"is not used: it cannot push to {RunScene.UpdateBranch} (", warning, StringComparison.Ordinal);
        Assert.Contains($"using the current token ({currentPrint}", warning, StringComparison.Ordinal);
        Assert.Contains("which must not be revoked", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("can be revoked", run.Error, StringComparison.Ordinal);
        Assert.StartsWith(currentPrint, Assert.Single(await scene.AuditAsync("git.push")).TokenFingerprint, StringComparison.Ordinal);
        Assert.Single(repository.PullRequests);
        var refusal = Assert.Single(await scene.AuditAsync("token.check"), e => e.TokenFingerprint?.StartsWith(nextPrint, StringComparison.Ordinal) == true);
        Assert.Equal("denied", refusal.Outcome.Name);
        Assert.StartsWith($"run: next token not adopted: it cannot push to {RunScene.UpdateBranch}", refusal.Detail, StringComparison.Ordinal);
        AssertStatusRefused(status, json, currentPrint, nextPrint, $"push to {RunScene.UpdateBranch}");
        AssertAbsent([check, run, status, json], current.Value, next.Value);
    }

    [Fact]
    public async Task Run_NextTokenWithoutPullRequests_IsNotAdoptedAndTheWarningNamesPullRequests()
    {
        var current = github.IssueClassicToken("alice", ["repo"], time.GetUtcNow().AddDays(60));
        var next = github.IssueFineGrainedToken("alice", "alice", [repository.Name], new Dictionary<string, string> { ["contents"] = "write", ["metadata"] = "read" }, time.GetUtcNow().AddDays(90));
        var scene = Scene(current, next);

        var check = await TokenCheckAsync(scene);
        var run = await scene.RunAsync("--next-token-env", "NEXT_TOKEN");

        Doctor.DoctorCommandTests.AssertFails(check, "next-token", "cannot create pull requests", "Pull requests: Read and write");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("is not used: it cannot create pull requests (", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("can be revoked", run.Error, StringComparison.Ordinal);
        Assert.StartsWith($"classic …{current.Value[^4..]} #", Assert.Single(await scene.AuditAsync("pr.create")).TokenFingerprint, StringComparison.Ordinal);
        Assert.Single(repository.PullRequests);
        AssertAbsent([check, run], current.Value, next.Value);
    }

    [Fact]
    public async Task Run_AdoptedNextTokenLosesContentsWrite_GoesBackToTheCurrentTokenAndStatusStopsSayingItWorks()
    {
        var current = github.IssueClassicToken("alice", ["repo"], time.GetUtcNow().AddDays(60));
        var next = github.IssueFineGrainedToken("alice", "alice", [repository.Name], new Dictionary<string, string>(Writer), time.GetUtcNow().AddDays(90));
        var scene = Scene(current, next);
        var (currentPrint, nextPrint) = ($"classic …{current.Value[^4..]} #", $"fine-grained …{next.Value[^4..]} #");

        var adopted = await scene.RunAsync("--next-token-env", "NEXT_TOKEN");
        var during = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath);
        ((IDictionary<string, string>)next.Permissions)["contents"] = "read"; // the owner edits the token on GitHub
        time.Advance(TimeSpan.FromHours(1));
        var refused = await scene.RunAsync("--next-token-env", "NEXT_TOKEN");
        var status = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath);
        var json = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath, "--output", "json");

        Assert.True(adopted.ExitCode == 0, adopted.Error);
        Assert.Contains($"tidemark: token {nextPrint}", adopted.Error, StringComparison.Ordinal);
        Assert.Contains($"(next token, proven: read alice/gitops, push to {RunScene.UpdateBranch} (git push --dry-run), create pull requests)", adopted.Error, StringComparison.Ordinal);
        Assert.Contains("can be revoked now", adopted.Error, StringComparison.Ordinal);
        Assert.Contains("Rotation (overlap):", during.Out, StringComparison.Ordinal);
        Assert.True(refused.ExitCode == 0, refused.Error);
        Assert.Contains($"is not used: it cannot push to {RunScene.UpdateBranch}", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("can be revoked", refused.Error, StringComparison.Ordinal);
        AssertStatusRefused(status, json, currentPrint, nextPrint, $"push to {RunScene.UpdateBranch}");
        AssertAbsent([adopted, during, refused, status, json], current.Value, next.Value);
    }

    [Fact]
    public async Task Run_NextTokenWithMetadataOnly_CannotCloneSoTheCurrentTokenDoesTheWork()
    {
        var current = github.IssueClassicToken("alice", ["repo"], time.GetUtcNow().AddDays(60));
        var next = github.IssueFineGrainedToken("alice", "alice", [repository.Name], new Dictionary<string, string> { ["metadata"] = "read" }, time.GetUtcNow().AddDays(90));
        var scene = Scene(current, next);

        var run = await scene.RunAsync("--next-token-env", "NEXT_TOKEN");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("is not used: it cannot clone or fetch the repository with git (", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("can be revoked", run.Error, StringComparison.Ordinal);
        Assert.StartsWith($"classic …{current.Value[^4..]} #", Assert.Single(await scene.AuditAsync("git.push")).TokenFingerprint, StringComparison.Ordinal);
        AssertAbsent([run], current.Value, next.Value);
    }

    [Fact]
    public async Task Run_CurrentTokenRevokedAndNextTokenReadOnly_FailsNamingWhatEachLacks()
    {
        var current = github.IssueClassicToken("alice", ["repo"], time.GetUtcNow().AddDays(60));
        var next = github.IssueFineGrainedToken("alice", "alice", [repository.Name], new Dictionary<string, string> { ["contents"] = "read", ["pull_requests"] = "write", ["metadata"] = "read" }, time.GetUtcNow().AddDays(90));
        github.Revoke(current);
        var scene = Scene(current, next);

        var run = await scene.RunAsync("--next-token-env", "NEXT_TOKEN");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"no token can do this run's work: the next token (fine-grained …{next.Value[^4..]} #", run.Error, StringComparison.Ordinal);
        Assert.Contains($"cannot push to {RunScene.UpdateBranch}", run.Error, StringComparison.Ordinal);
        Assert.Contains($"and the current token (classic …{current.Value[^4..]} #", run.Error, StringComparison.Ordinal);
        Assert.Contains("run `tidemark doctor` (check: next-token)", run.Error, StringComparison.Ordinal);
        Assert.Empty(await scene.AuditAsync("git.push"));
        Assert.Empty(repository.PullRequests);
        AssertAbsent([run], current.Value, next.Value);
    }

    private static void AssertStatusRefused(CliRun status, CliRun json, string currentPrint, string nextPrint, string lacking)
    {
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"Rotation (refused): next token ({nextPrint}", status.Out, StringComparison.Ordinal);
        Assert.Contains($"is not used: it cannot {lacking}", status.Out, StringComparison.Ordinal);
        Assert.Contains($"the current token ({currentPrint}", status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("works and is used", status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("can be revoked", status.Out, StringComparison.Ordinal);
        var rotation = JsonDocument.Parse(json.Out).RootElement.GetProperty("rotation");
        Assert.Equal("refused", rotation.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, rotation.GetProperty("nextWorkedSince").ValueKind);
    }

    private static void AssertAbsent(IEnumerable<CliRun> runs, params string[] secrets)
    {
        var everything = string.Join('\n', runs.Select(r => r.Out + r.Error));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, everything, StringComparison.Ordinal));
    }

    /// <summary>The table line of <paramref name="check"/>'s output containing <paramref name="text"/>, or "".</summary>
    private static string Line(string output, string text) => output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) ?? "";

    private Task<CliRun> TokenCheckAsync(RunScene scene) =>
        scene.TidemarkAsync("token", "check", "--repo", scene.RemoteUrl, "--api-url", github.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir, "--next-token-env", "NEXT_TOKEN");

    private RunScene Scene(SimToken current, SimToken next)
    {
        var scene = Scene(current);
        scene.Variables["NEXT_TOKEN"] = next.Value;
        return scene;
    }
}
