using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.Run;
using Tidemark.Testing.GitHub;
using static Tidemark.IntegrationTests.Doctor.DoctorScene;

namespace Tidemark.IntegrationTests.Doctor;

/// <summary>
/// <c>tidemark doctor</c> against the simulator: every check passes for good tokens, and each broken setup gives
/// its finding, its fix and exit 3.
/// </summary>
public sealed class DoctorCommandTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly Dictionary<string, string> ReadWrite = new() { ["contents"] = "write", ["pull_requests"] = "write", ["metadata"] = "read" };

    [Fact]
    public async Task Doctor_GoodClassicToken_AllChecksPassAndExitZero()
    {
        using var scene = await fixture.NewSceneAsync();

        var run = await DoctorAsync(scene, scene.Token);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.DoesNotContain("✖", run.Out, StringComparison.Ordinal);
        Assert.Contains("All checks passed.", run.Out, StringComparison.Ordinal);
        foreach (var check in new[] { "token-source", "api-reachability", "token-validity", "token-scopes", "token-expiry", "repository", "checkout", "token-leak", "base-branch", "branch-rules", "pull-requests", "push-permission", "workflows", "registry-access", "rate-limit", "git-version", "state-store" })
        {
            Assert.True(Shows(run, check, "✔"), $"{check} did not pass:\n{run.Out}");
        }
    }

    [Fact]
    public async Task Doctor_GoodFineGrainedTokenWithWriteProbe_AllChecksPassAndNothingIsLeftBehind()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], ReadWrite, scene.GitHub.Time.GetUtcNow().AddDays(90));

        var run = await DoctorAsync(scene, token.Value, "--write-probe");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("All checks passed.", run.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was created", run.Out, StringComparison.Ordinal);
        Assert.Contains("pushed and deleted refs/heads/tidemark-doctor-probe-", run.Out, StringComparison.Ordinal);
        Assert.Empty(scene.Repository.PullRequests);
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
    }

    [Fact]
    public async Task Doctor_ExpiredToken_FailsAuthenticationAndSkipsTheRest()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueClassicToken("alice", ["repo"], expiresAt: scene.GitHub.Time.GetUtcNow().AddDays(-1));

        var run = await DoctorAsync(scene, token.Value);

        AssertFails(run, "token-validity", "invalid, expired or revoked", "create a new token");
        Assert.True(Shows(run, "repository", "-"), run.Out);
        Assert.Contains("skipped: it needs token-validity", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_RevokedToken_FailsAuthentication()
    {
        using var scene = await fixture.NewSceneAsync();
        scene.GitHub.Revoke(scene.SimToken);

        var run = await DoctorAsync(scene, scene.Token);

        AssertFails(run, "token-validity", "401 Bad credentials", "update GITHUB_TOKEN");
    }

    [Fact]
    public async Task Doctor_RevokedTokenFromTheOperatorConfigsFile_AdviceNamesThatFileNotGitHubToken()
    {
        using var scene = await fixture.NewSceneAsync();
        var tokenFile = Path.Combine(scene.Root, "github-token");
        await File.WriteAllTextAsync(tokenFile, scene.Token + "\n");
        await File.AppendAllTextAsync(scene.OperatorConfig!, $"github:\n  token: {{ file: {tokenFile} }}\n");
        scene.GitHub.Revoke(scene.SimToken);

        var run = await DoctorAsync(scene, token: null);

        AssertFails(run, "token-validity", "401 Bad credentials", $"update {tokenFile}");
        Assert.DoesNotContain("GITHUB_TOKEN", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ClassicTokenWithoutRepoScope_NamesTheScope()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueClassicToken("alice", ["read:user"]);

        var run = await DoctorAsync(scene, token.Value);

        AssertFails(run, "token-scopes", "lacks the scope repo", "tick repo");
    }

    [Fact]
    public async Task Doctor_FineGrainedWithoutContentsWrite_CannotPush()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], new Dictionary<string, string> { ["contents"] = "read", ["pull_requests"] = "write" });

        var run = await DoctorAsync(scene, token.Value);

        AssertFails(run, "push-permission", "Cannot push to branch", "Contents: Read and write");
    }

    [Fact]
    public async Task Doctor_FineGrainedWithoutPullRequests_CannotCreatePullRequest()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], new Dictionary<string, string> { ["contents"] = "write" });

        var run = await DoctorAsync(scene, token.Value);

        AssertFails(run, "pull-requests", "Cannot create PR: the token lacks Pull requests (GitHub asks for pull_requests=read)", "Pull requests: Read and write");
        Assert.Contains("✖ Create PR", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_TokenForAnotherRepository_CannotSeeIt()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", ["some-other-repository"], ReadWrite);

        var run = await DoctorAsync(scene, token.Value);

        AssertFails(run, "repository", "it doesn't exist, or the token has no access", "'Repository access'");
    }

    [Fact]
    public async Task Doctor_SsoNotAuthorised_ShowsTheAuthorisationUrl()
    {
        using var scene = await fixture.NewSceneAsync();
        var repository = await OrganizationRepositoryAsync(scene, org => org.SsoRequired = true);
        var token = scene.GitHub.IssueClassicToken("alice", ["repo"]);

        var run = await RunAsync(scene, ["doctor"], token.Value, [], repository);

        AssertFails(run, "repository", "enforces SAML SSO", $"/orgs/{repository.Owner.Login}/sso?authorization_request=");
    }

    [Fact]
    public async Task Doctor_OrganisationBlocksClassicTokens_SaysUseFineGrained()
    {
        using var scene = await fixture.NewSceneAsync();
        var repository = await OrganizationRepositoryAsync(scene, org => org.ClassicTokensBlocked = true);
        var token = scene.GitHub.IssueClassicToken("alice", ["repo"]);

        var run = await RunAsync(scene, ["doctor"], token.Value, [], repository);

        AssertFails(run, "repository", "blocks classic personal access tokens", "use a fine-grained token");
    }

    [Fact]
    public async Task Doctor_TokenLifetimeTooLong_SaysRecreateWithExpiry()
    {
        using var scene = await fixture.NewSceneAsync();
        var repository = await OrganizationRepositoryAsync(scene, org => org.MaxTokenLifetimeDays = 366);
        var token = scene.GitHub.IssueFineGrainedToken("alice", repository.Owner.Login, [repository.Name], ReadWrite);

        var run = await RunAsync(scene, ["doctor"], token.Value, [], repository);

        AssertFails(run, "repository", "lifetime is greater than 366 days", "expiry within the organisation's limit");
    }

    [Fact]
    public async Task Doctor_ProtectedUpdateBranch_FailsBranchRules()
    {
        using var scene = await fixture.NewSceneAsync();
        await scene.GitHub.CommitAsync(scene.Repository, RunScene.UpdateBranch, new Dictionary<string, string> { ["note.txt"] = "x" });
        scene.GitHub.Protect(scene.Repository, RunScene.UpdateBranch, new BranchProtection { RequirePullRequest = true });

        var run = await DoctorAsync(scene, scene.Token);

        AssertFails(run, "branch-rules", $"Cannot push to branch {RunScene.UpdateBranch}: it is protected", "remove the protection rule");
    }

    [Fact]
    public async Task Doctor_RulesetBlocksForcePushOnUpdateBranch_NamesTheRuleset()
    {
        using var scene = await fixture.NewSceneAsync();
        scene.GitHub.AddRuleset(scene.Repository, "no-force-push", ["refs/heads/flux-*"], ["non_fast_forward"]);

        var run = await DoctorAsync(scene, scene.Token);

        AssertFails(run, "branch-rules", "rejected by ruleset 'no-force-push' (rule non_fast_forward)", "bypass list");
    }

    [Fact]
    public async Task Doctor_WorkflowFilesWithoutWorkflowScope_FailsWorkflows()
    {
        using var scene = await fixture.NewSceneAsync();
        await scene.GitHub.CommitAsync(scene.Repository, "main", new Dictionary<string, string> { [".github/workflows/ci.yml"] = "on: push\njobs: {}\n" });

        var run = await DoctorAsync(scene, scene.Token);

        AssertFails(run, "workflows", "lacks the `workflow` scope", "tick `workflow`");
        Assert.Contains("✖ Modify workflows", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_SecretMissing_VariableUnsetOrFileEmpty()
    {
        using var scene = await fixture.NewSceneAsync();
        Directory.CreateDirectory(scene.Root);
        var empty = Path.Combine(scene.Root, "empty-token");
        await File.WriteAllTextAsync(empty, "\n");

        var unset = await DoctorAsync(scene, null);
        var emptyFile = await DoctorAsync(scene, null, "--token-file", empty);

        AssertFails(unset, "token-source", "GITHUB_TOKEN is not set", "export GITHUB_TOKEN");
        AssertFails(emptyFile, "token-source", "the secret is missing or malformed", empty);
    }

    [Theory]
    [InlineData("quoted")]
    [InlineData("newline")]
    [InlineData("jwt")]
    [InlineData("pem")]
    public async Task Doctor_MalformedSecret_IsReportedNotUsed(string shape)
    {
        using var scene = await fixture.NewSceneAsync();
        var value = shape switch
        {
            "quoted" => $"\"{scene.Token}\"",
            "newline" => scene.Token[..20] + "\n" + scene.Token[20..],
            "jwt" => "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjMifQ.c2lnbmF0dXJlc2lnbmF0dXJl",
            _ => "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----",
        };

        var run = await DoctorAsync(scene, value);

        AssertFails(run, "token-source", "the secret is missing or malformed", "");
        Assert.DoesNotContain(scene.Token, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_TokenCommittedToTheRepository_FailsTokenLeakWithFileAndLine()
    {
        using var scene = await fixture.NewSceneAsync();
        await scene.GitHub.CommitAsync(scene.Repository, "main", new Dictionary<string, string> { ["apps/.env"] = $"# local\nGITHUB_TOKEN={scene.Token}\n" });

        var run = await DoctorAsync(scene, scene.Token);

        AssertFails(run, "token-leak", "apps/.env:2", "revoke it now");
        Assert.DoesNotContain(scene.Token, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_Json_HasTheDocumentedShape()
    {
        using var scene = await fixture.NewSceneAsync();
        var token = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], new Dictionary<string, string> { ["contents"] = "write" });

        var run = await DoctorAsync(scene, token.Value, "--output", "json");

        Assert.Equal(3, run.ExitCode);
        var json = System.Text.Json.Nodes.JsonNode.Parse(run.Out)!;
        Assert.Equal("doctor", json["command"]!.GetValue<string>());
        Assert.False(json["ok"]!.GetValue<bool>());
        var pulls = json["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "pull-requests")!;
        Assert.Equal("error", pulls["status"]!.GetValue<string>());
        Assert.Contains("Pull requests", pulls["findings"]![0]!["fix"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("error", json["summary"]![0]!["status"]!.GetValue<string>());
        Assert.NotNull(json["firstFix"]);
    }

    [Fact]
    public async Task TokenCheck_GoodAndBrokenTokens_ExitZeroAndThree()
    {
        using var scene = await fixture.NewSceneAsync();
        var noPulls = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], new Dictionary<string, string> { ["contents"] = "write" });

        var good = await TokenCheckAsync(scene, scene.Token);
        var broken = await TokenCheckAsync(scene, noPulls.Value);

        Assert.True(good.ExitCode == 0, good.Out + good.Error);
        Assert.Contains("valid classic token of alice", good.Out, StringComparison.Ordinal);
        Assert.True(Shows(good, "push-permission", "✔"), good.Out);
        AssertFails(broken, "pull-requests", "pull_requests=read", "Pull requests: Read and write");
        var audit = await scene.AuditAsync("token.check");
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.Outcome.Name == "ok" && a.TokenFingerprint?.StartsWith($"classic …{scene.Token[^4..]} #", StringComparison.Ordinal) == true);
        Assert.Contains(audit, a => a.Outcome.Name == "denied" && a.Detail.StartsWith("token check: 1 of ", StringComparison.Ordinal) && a.Detail.Contains("checks failed: pull-requests —", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("no contents write", "push-permission")]
    [InlineData("wrong repository", "repository")]
    [InlineData("revoked", "token-validity")]
    public async Task Run_BrokenToken_FailureNamesTheDoctorCheck(string setup, string check)
    {
        using var scene = await fixture.NewSceneAsync();
        var token = setup switch
        {
            "no contents write" => scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], new Dictionary<string, string> { ["contents"] = "read", ["pull_requests"] = "write" }).Value,
            "wrong repository" => scene.GitHub.IssueFineGrainedToken("alice", "alice", ["elsewhere"], ReadWrite).Value,
            _ => scene.Token,
        };
        if (setup == "revoked")
        {
            scene.GitHub.Revoke(scene.SimToken);
        }

        var run = await scene.RunWithTokenAsync(token);
        var doctor = await DoctorAsync(scene, token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"run `tidemark doctor` (check: {check})", run.Error, StringComparison.Ordinal);
        Assert.True(Shows(doctor, check, "✖"), doctor.Out);
    }

    internal static void AssertFails(CliRun run, string check, string message, string fix)
    {
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Out}\n{run.Error}");
        Assert.True(Shows(run, check, "✖"), $"{check} did not fail:\n{run.Out}");
        Assert.Contains(message, run.Out, StringComparison.Ordinal);
        Assert.Contains("fix: ", run.Out, StringComparison.Ordinal);
        Assert.Contains(fix, run.Out, StringComparison.Ordinal);
    }

    private async Task<SimRepository> OrganizationRepositoryAsync(RunScene scene, Action<SimAccount> policy)
    {
        var org = scene.GitHub.AddOrganization("org-" + Guid.NewGuid().ToString("N")[..8]);
        policy(org);
        var repository = await scene.GitHub.AddRepositoryAsync(org.Login, "gitops", new RepositoryOptions { Private = true });
        scene.GitHub.AddCollaborator(repository, "alice", RepositoryRole.Write);
        return repository;
    }
}
