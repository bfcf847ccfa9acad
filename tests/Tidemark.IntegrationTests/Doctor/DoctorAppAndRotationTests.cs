using System.Globalization;
using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.Run;
using Tidemark.Testing.GitHub;
using static Tidemark.IntegrationTests.Doctor.DoctorScene;

namespace Tidemark.IntegrationTests.Doctor;

/// <summary>
/// <c>tidemark doctor</c> and <c>token check</c> with a GitHub App's installation token (the <c>app-mint</c> check) and
/// during a rotation (the <c>next-token</c> check); neither the key, a minted token nor a next token reaches output,
/// the audit trail or the state database.
/// </summary>
public sealed class DoctorAppAndRotationTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly Dictionary<string, string> Writer = new() { ["contents"] = "write", ["pull_requests"] = "write" };

    [Fact]
    public async Task Doctor_AppInstallationToken_EveryCheckPassesAndAppMintShowsPermissionsAndExpiry()
    {
        using var scene = await fixture.NewSceneAsync();
        var app = scene.GitHub.RegisterApp("tidemark-doctor", "alice");
        var installation = scene.GitHub.Install(app, "alice", [scene.Repository.Name], Writer);

        var run = await DoctorAsync(scene, null, AppFlags(scene, app));

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("All checks passed.", run.Out, StringComparison.Ordinal);
        foreach (var check in new[] { "token-source", "api-reachability", "app-mint", "token-validity", "token-scopes", "token-expiry", "next-token", "repository", "checkout", "token-leak", "base-branch", "branch-rules", "pull-requests", "push-permission", "workflows", "registry-access", "rate-limit", "git-version", "state-store" })
        {
            Assert.True(Shows(run, check, "✔"), $"{check} did not pass:\n{run.Out}");
        }

        Assert.Contains($"for installation {installation.Id.ToString(CultureInfo.InvariantCulture)}, acting as tidemark-doctor[bot]; expires_at ", run.Out, StringComparison.Ordinal);
        Assert.Contains("permissions granted: contents: write, metadata: read, pull_requests: write", run.Out, StringComparison.Ordinal);
        Assert.Contains("repository_selection: selected", run.Out, StringComparison.Ordinal);
        Assert.Contains("App token, 1 h, minted per run — nothing to rotate", run.Out, StringComparison.Ordinal);
        Assert.Contains("installation tokens act as the App, not a user", run.Out, StringComparison.Ordinal);
        await AssertNoSecretsAsync(scene, app, run);
    }

    [Fact]
    public async Task TokenCheck_AppInstallationToken_IncludesAppMint()
    {
        using var scene = await fixture.NewSceneAsync();
        var app = scene.GitHub.RegisterApp("tidemark-check", "alice");
        scene.GitHub.Install(app, "alice", null, Writer);

        var run = await TokenCheckAsync(scene, null, AppFlags(scene, app));

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.True(Shows(run, "app-mint", "✔"), run.Out);
        Assert.Contains("acting as tidemark-check[bot]", run.Out, StringComparison.Ordinal);
        await AssertNoSecretsAsync(scene, app, run);
    }

    [Fact]
    public async Task Doctor_AppNotInstalled_AppMintFailsWithTheFixAndExitThree()
    {
        using var scene = await fixture.NewSceneAsync();
        var app = scene.GitHub.RegisterApp("tidemark-absent", "alice");

        var run = await DoctorAsync(scene, null, AppFlags(scene, app));

        DoctorCommandTests.AssertFails(run, "app-mint", $"is not installed on {scene.Repository.FullName} (or not granted access to it)", "install the App on alice");
        Assert.True(Shows(run, "token-source", "✔"), run.Out);
        Assert.Contains("skipped: it needs app-mint", run.Out, StringComparison.Ordinal);
        await AssertNoSecretsAsync(scene, app, run);
    }

    [Fact]
    public async Task Doctor_KeyOfAnotherApp_AppMintSaysTheKeyDoesNotMatch()
    {
        using var scene = await fixture.NewSceneAsync();
        var app = scene.GitHub.RegisterApp("tidemark-right", "alice");
        var other = scene.GitHub.RegisterApp("tidemark-other", "alice");
        scene.GitHub.Install(app, "alice", [scene.Repository.Name], Writer);
        var flags = AppFlags(scene, other);
        flags[1] = app.Id.ToString(CultureInfo.InvariantCulture);

        var run = await DoctorAsync(scene, null, flags);

        DoctorCommandTests.AssertFails(run, "app-mint", $"App JWT rejected: private key does not match App {app.Id.ToString(CultureInfo.InvariantCulture)}", "is a current private key of that App");
        await AssertNoSecretsAsync(scene, other, run);
    }

    [Fact]
    public async Task Doctor_InstallationLacksPullRequestsWrite_AppMintFailsWithTheFixAndExitThree()
    {
        using var scene = await fixture.NewSceneAsync();
        var app = scene.GitHub.RegisterApp("tidemark-readonly", "alice");
        scene.GitHub.Install(app, "alice", [scene.Repository.Name], new Dictionary<string, string> { ["contents"] = "write", ["pull_requests"] = "read" });

        var run = await DoctorAsync(scene, null, AppFlags(scene, app));

        DoctorCommandTests.AssertFails(run, "app-mint", "lacks pull_requests: write", "Grant Contents: write, Pull requests: write");
        await AssertNoSecretsAsync(scene, app, run);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Doctor_AppAndUpdatePathsUnderWorkflows_MintsWithWorkflowsWriteOrNamesTheMissingGrant(bool granted)
    {
        using var scene = await fixture.NewSceneAsync(extraConfig: "paths: [apps, infrastructure, clusters, .github/workflows]\n");
        var app = scene.GitHub.RegisterApp("tidemark-workflows", "alice");
        var permissions = new Dictionary<string, string>(Writer);
        if (granted)
        {
            permissions["workflows"] = "write";
        }

        scene.GitHub.Install(app, "alice", [scene.Repository.Name], permissions);

        var run = await DoctorAsync(scene, null, AppFlags(scene, app));

        if (granted)
        {
            Assert.True(run.ExitCode == 0, run.Out + run.Error);
            Assert.Contains("the App's installation token carries workflows: write", run.Out, StringComparison.Ordinal);
        }
        else
        {
            DoctorCommandTests.AssertFails(run, "workflows", "lacks workflows: write", "Workflows: write");
            Assert.True(Shows(run, "app-mint", "✔"), run.Out);
        }

        await AssertNoSecretsAsync(scene, app, run);
    }

    [Fact]
    public async Task Doctor_WorkingNextTokenAfterARunSwitched_ReportsTheRotationWindow()
    {
        using var scene = await fixture.NewSceneAsync();
        var next = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], Writer, scene.GitHub.Time.GetUtcNow().AddDays(90));
        scene.Variables["NEXT_GITHUB_TOKEN"] = next.Value;

        var before = await DoctorWithSceneAsync(scene, "--next-token-env", "NEXT_GITHUB_TOKEN");
        var run = await scene.RunAsync("--next-token-env", "NEXT_GITHUB_TOKEN", "--dry-run");
        var after = await DoctorWithSceneAsync(scene, "--next-token-env", "NEXT_GITHUB_TOKEN");

        Assert.True(before.ExitCode == 0, before.Out + before.Error);
        Assert.True(Shows(before, "next-token", "✔"), before.Out);
        Assert.Contains("`tidemark run` switches to it on its next run", before.Out, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(after.ExitCode == 0, after.Out + after.Error);
        Assert.Contains($"next token (fine-grained …{next.Value[^4..]} #", after.Out, StringComparison.Ordinal);
        Assert.Contains("can be revoked now; remove it from the configuration within", after.Out, StringComparison.Ordinal);
        AssertAbsent([before, run, after], scene, scene.Token, next.Value);
    }

    [Fact]
    public async Task Doctor_RevokedNextToken_NextTokenFailsWhileTheCurrentTokenPasses()
    {
        using var scene = await fixture.NewSceneAsync();
        var next = scene.GitHub.IssueFineGrainedToken("alice", "alice", [scene.Repository.Name], Writer, scene.GitHub.Time.GetUtcNow().AddDays(90));
        scene.GitHub.Revoke(next);
        scene.Variables["NEXT_GITHUB_TOKEN"] = next.Value;

        var doctor = await DoctorWithSceneAsync(scene, "--next-token-env", "NEXT_GITHUB_TOKEN");
        var check = await scene.TidemarkAsync("token", "check", "--repo", scene.RemoteUrl, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir, "--next-token-env", "NEXT_GITHUB_TOKEN");

        foreach (var run in new[] { doctor, check })
        {
            DoctorCommandTests.AssertFails(run, "next-token", "does not work", "put it where the next token is read from");
            Assert.True(Shows(run, "token-validity", "✔"), run.Out);
            Assert.True(Shows(run, "repository", "✔"), run.Out);
            Assert.Single(run.Out.Split("SUMMARY")[0].Split('\n'), l => l.Contains('✖', StringComparison.Ordinal));
        }

        AssertAbsent([doctor, check], scene, scene.Token, next.Value);
    }

    private static Task<CliRun> DoctorWithSceneAsync(RunScene scene, params string[] extra) =>
        scene.TidemarkAsync(["doctor", "--repo", scene.RemoteUrl, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir, .. extra]);

    private static string[] AppFlags(RunScene scene, SimApp app)
    {
        var path = Path.Combine(scene.Root, "keys", "app.pem");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, app.PrivateKeyPem);
        return ["--app-id", app.Id.ToString(CultureInfo.InvariantCulture), "--app-key-file", path];
    }

    private static void AssertAbsent(IEnumerable<CliRun> runs, RunScene scene, params string[] secrets)
    {
        var everything = string.Join('\n', [.. runs.Select(r => r.Out + r.Error), .. StateFiles(scene)]);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> StateFiles(RunScene scene) =>
        Directory.Exists(Path.GetDirectoryName(scene.StatePath)) ? Directory.EnumerateFiles(Path.GetDirectoryName(scene.StatePath)!).Select(File.ReadAllText) : [];

    /// <summary>No key line and no installation token (ghs_…) in stdout, stderr, the audit trail or the state database's bytes.</summary>
    private static async Task AssertNoSecretsAsync(RunScene scene, SimApp app, CliRun run)
    {
        var audit = (await scene.AuditAsync("token.check")).Concat(await scene.AuditAsync("token.mint")).Select(a => $"{a.TokenFingerprint} {a.Detail}").ToList();
        Assert.NotEmpty(audit);
        var everything = string.Join('\n', [run.Out, run.Error, .. StateFiles(scene), .. audit]);
        Assert.DoesNotContain("ghs_", everything, StringComparison.Ordinal);
        foreach (var line in app.PrivateKeyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, everything, StringComparison.Ordinal);
        }
    }
}
