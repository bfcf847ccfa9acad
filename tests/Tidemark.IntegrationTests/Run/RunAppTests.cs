using System.Globalization;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// <c>tidemark run</c> as a GitHub App (<c>--app-id</c>, <c>--app-key-file</c>): the pull request is the bot's, output
/// names the installation token by fingerprint, and neither the key nor a minted token reaches output or the state store.
/// </summary>
public sealed class RunAppTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly Dictionary<string, string> Writer = new() { ["contents"] = "write", ["pull_requests"] = "write" };

    [Fact]
    public async Task Run_AsAGitHubApp_PushesAndOpensThePullRequestAsTheBot()
    {
        using var scene = await fixture.NewSceneAsync();
        var app = fixture.GitHub.RegisterApp("tidemark-e2e", "alice");
        var installation = fixture.GitHub.Install(app, "alice", [scene.Repository.Name], Writer);
        var key = KeyFile(scene, app);

        var run = await scene.RunAsync("--app-id", Id(app), "--app-key-file", key, "--app-installation-id", installation.Id.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var pull = Assert.Single(scene.Repository.PullRequests);
        Assert.Equal("tidemark-e2e[bot]", pull.Author);
        Assert.Equal(pull.HeadSha, scene.BranchSha(RunScene.UpdateBranch));
        Assert.Matches($"tidemark: token installation …[A-Za-z0-9]{{4}} #[0-9a-f]{{6}} from GitHub App {app.Id} \\(key ", run.Error);
        var mint = Assert.Single(await scene.AuditAsync("token.mint"));
        Assert.Equal(("ok", scene.Repository.FullName), (mint.Outcome.Name, mint.Target));
        Assert.StartsWith("installation …", mint.TokenFingerprint, StringComparison.Ordinal);
        await AssertNoSecretsAsync(scene, app, run);
    }

    [Fact]
    public async Task Run_AppInstallationFoundForTheRepository_WorksWithoutTheInstallationId()
    {
        using var scene = await fixture.NewSceneAsync();
        var app = fixture.GitHub.RegisterApp("tidemark-lookup", "alice");
        fixture.GitHub.Install(app, "alice", null, Writer);

        var run = await scene.RunAsync("--app-id", app.ClientId, "--app-key-file", KeyFile(scene, app), "--dry-run");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains($"from GitHub App {app.ClientId}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AppNotInstalledOnTheRepository_ExitsTwoWithTheFixAndTouchesNothing()
    {
        using var scene = await fixture.NewSceneAsync();
        var app = fixture.GitHub.RegisterApp("tidemark-absent", "alice");

        var run = await scene.RunAsync("--app-id", Id(app), "--app-key-file", KeyFile(scene, app));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"tidemark: GitHub App {app.Id} is not installed on {scene.Repository.FullName} (or not granted access to it) — install the App", run.Error, StringComparison.Ordinal);
        Assert.Equal("denied", Assert.Single(await scene.AuditAsync("token.mint")).Outcome.Name);
        Assert.Equal(0, scene.RestWrites());
        await AssertNoSecretsAsync(scene, app, run);
    }

    [Fact]
    public async Task Run_UpdatePathUnderWorkflowsAndTheInstallationLacksWorkflows_StopsBeforePushing()
    {
        using var scene = await fixture.NewSceneAsync(extraConfig: "paths: [apps, infrastructure, clusters, .github/workflows]\n");
        var app = fixture.GitHub.RegisterApp("tidemark-workflows", "alice");
        fixture.GitHub.Install(app, "alice", [scene.Repository.Name], Writer);

        var run = await scene.RunAsync("--app-id", Id(app), "--app-key-file", KeyFile(scene, app));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("lacks workflows: write (or the owner hasn't accepted updated permissions", run.Error, StringComparison.Ordinal);
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Equal(["ok", "denied"], (await scene.AuditAsync("token.mint")).OrderBy(a => a.Id).Select(a => a.Outcome.Name));
    }

    [Theory]
    [InlineData(new[] { "--app-id", "12" }, "a GitHub App needs both --app-id ID")]
    [InlineData(new[] { "--app-key-file", "/k.pem" }, "a GitHub App needs both --app-id ID")]
    [InlineData(new[] { "--app-installation-id", "3" }, "a GitHub App needs both --app-id ID")]
    [InlineData(new[] { "--app-id", "12", "--app-key-file", "/k.pem", "--token-env", "GITHUB_TOKEN" }, "give one token source")]
    [InlineData(new[] { "--app-id", "12", "--app-key-file", "/k.pem", "--app-installation-id", "x" }, "installation 'x' is not an installation ID")]
    public async Task Run_AppFlagsMisused_IsAUsageErrorNamingTheFix(string[] flags, string message)
    {
        using var scene = await fixture.NewSceneAsync();

        var run = await scene.RunAsync(flags);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, scene.RestWrites());
    }

    private static string Id(SimApp app) => app.Id.ToString(CultureInfo.InvariantCulture);

    private static string KeyFile(RunScene scene, SimApp app)
    {
        var path = Path.Combine(scene.Root, "keys", "app.pem");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, app.PrivateKeyPem);
        return path;
    }

    /// <summary>No key line and no installation token (ghs_…) in stdout, stderr, the audit trail or the state database's bytes.</summary>
    private static async Task AssertNoSecretsAsync(RunScene scene, SimApp app, Cli.CliRun run)
    {
        var stateFiles = Directory.EnumerateFiles(Path.GetDirectoryName(scene.StatePath)!).Select(f => File.ReadAllText(f));
        var audit = (await scene.AuditAsync("token.mint")).Select(a => $"{a.TokenFingerprint} {a.Detail}");
        var everything = string.Join('\n', [run.Out, run.Error, .. stateFiles, .. audit]);
        Assert.DoesNotContain("ghs_", everything, StringComparison.Ordinal);
        foreach (var line in app.PrivateKeyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, everything, StringComparison.Ordinal);
        }
    }
}
