using System.Diagnostics;
using System.Net;
using Tidemark.Cli;
using Tidemark.Cli.Serve;
using Tidemark.IntegrationTests.Run;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Serve;

/// <summary>The real serve host (settings → scheduler → the run of <c>tidemark run</c> → Kestrel) against the GitHub simulator and the local registry.</summary>
public sealed class ServeHostTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Serve_ReconcilesOnRequest_OnePullRequest_HealthAndReadiness()
    {
        using var scene = await fixture.NewSceneAsync();
        await using var serve = await ServeScene.StartAsync(scene, ServeScene.WriteSettings(scene));

        var health = await serve.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var ready = await serve.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        Assert.True(serve.Host.Addresses[0].StartsWith("http://127.0.0.1:", StringComparison.Ordinal), serve.Host.Addresses[0]);

        var first = await serve.ReconcileAsync(RunTrigger.Dashboard);

        Assert.True(first.LastRunSucceeded == true, first.LastOutcome + "\n" + serve.Log);
        Assert.StartsWith("pull request #", first.LastOutcome, StringComparison.Ordinal);
        Assert.EndsWith(" opened", first.LastOutcome, StringComparison.Ordinal);
        Assert.True(first.PendingUpdates > 0);
        Assert.NotNull(first.PullRequestUrl);
        Assert.Contains("ghcr.io/stefanprodan/podinfo", first.Images!);
        Assert.NotNull(first.LastRunId);
        var pullRequest = Assert.Single(scene.Repository.PullRequests);

        var second = await serve.ReconcileAsync(RunTrigger.Dashboard);

        Assert.True(second.LastRunSucceeded == true, second.LastOutcome);
        Assert.Single(scene.Repository.PullRequests);
        Assert.Equal(first.PullRequestUrl, second.PullRequestUrl);
        Assert.NotEqual(first.LastRunId, second.LastRunId);
        Assert.Contains($"run {scene.Repository.FullName}: pull request #1 unchanged", serve.Log, StringComparison.Ordinal);
        Assert.Contains($"[run {second.LastRunId}] trigger=dashboard", serve.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Token, serve.Log, StringComparison.Ordinal);
        Assert.True(File.Exists(scene.StatePath));
        Assert.True(Directory.Exists(Path.Combine(scene.Root, "serve-work", scene.Repository.Owner.Login, scene.Repository.Name)), "each repository has its own work folder");
        Assert.Equal(1, pullRequest.Number);

        await serve.StopAsync();
        Assert.False(serve.Host.Scheduler.SchedulerRunning);
    }

    [Fact]
    public async Task Readyz_SchedulerStopped_503NamingIt()
    {
        using var scene = await fixture.NewSceneAsync();
        await using var serve = await ServeScene.StartAsync(scene, ServeScene.WriteSettings(scene));

        await serve.Host.Scheduler.StopAsync(default);
        var ready = await serve.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var health = await serve.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("not ready: scheduler not running\n", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Shutdown_CancelsARunMidPush_TheNextRunFinishesIt_OnePullRequestOneCommit()
    {
        using var scene = await fixture.NewSceneAsync();
        var shim = SlowPushShim(scene.Root, out var slow, out var pushed);
        var settings = ServeScene.WriteSettings(scene, "shutdownTimeout: 1s");
        var variables = new Dictionary<string, string> { ["TIDEMARK_GIT"] = shim };

        await using (var serve = await ServeScene.StartAsync(scene, settings, variables))
        {
            Assert.True(serve.Host.Scheduler.Request(scene.Repository.FullName, RunTrigger.Dashboard));
            await serve.WaitAsync(_ => File.Exists(pushed), "the update branch was pushed and git hangs");
            var clock = Stopwatch.StartNew();
            await serve.StopAsync();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"stop took {clock.Elapsed}");
            Assert.Equal("failed: cancelled at shutdown; the next run finishes its work", serve.Status().LastOutcome);
            Assert.Empty(scene.Repository.PullRequests);
            Assert.NotNull(scene.BranchSha(RunScene.UpdateBranch));
            Assert.False(File.Exists(slow), "the slow push was used");
        }

        await using (var serve = await ServeScene.StartAsync(scene, settings, variables))
        {
            var status = await serve.ReconcileAsync(RunTrigger.Schedule);

            Assert.True(status.LastRunSucceeded == true, status.LastOutcome + "\n" + serve.Log);
            Assert.Single(scene.Repository.PullRequests);
            Assert.Equal("1", TestGit.InGitDir(scene.Repository.GitDirectory, "rev-list", "--count", $"refs/heads/main..refs/heads/{RunScene.UpdateBranch}").Output.Trim());
        }
    }

    [Fact]
    public async Task ServeCommand_BadSettings_ExitTwoNamingThePlace_NonLoopbackWithoutDashboardCredentialsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("tidemark-serve-cli-").FullName;
        try
        {
            var bad = Path.Combine(folder, "bad.yaml");
            await File.WriteAllTextAsync(bad, "listen: [\"http://127.0.0.1:8080\"]\nrepositorys: []\n");
            var open = Path.Combine(folder, "open.yaml");
            await File.WriteAllTextAsync(open, $"listen: [\"http://0.0.0.0:0\"]\nstate: {Path.Combine(folder, "state.db")}\nrepositories: []\n");

            var (badCode, badError) = await TidemarkAsync("serve", "--config", bad);
            var (openCode, openError) = await TidemarkAsync("serve", "--config", open);
            var (urlsCode, urlsError) = await TidemarkAsync("serve", "--config", open, "--urls", "ftp://x");

            Assert.Equal(2, badCode);
            Assert.Contains("bad.yaml:2:1: error: repositorys: unknown setting", badError, StringComparison.Ordinal);
            Assert.Equal(2, openCode);
            Assert.Contains("the service listens on http://0.0.0.0:0, beyond loopback, and the dashboard has no credentials", openError, StringComparison.Ordinal);
            Assert.Contains("set dashboard.bearerToken ({file: PATH} or {env: NAME}) or dashboard.basic", openError, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "state.db")), "nothing is created when the settings are refused");
            Assert.Equal(2, urlsCode);
            Assert.Contains("--urls ftp://x: is not an http:// URL", urlsError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Error)> TidemarkAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TidemarkApp.RunAsync(args, new CliEnvironment(output, error, TimeProvider.System, _ => null, ErrorIsTerminal: false), default);
        return (code, error.ToString());
    }

    /// <summary>A git wrapper whose first push (while the <c>slow</c> file exists) pushes, marks <c>pushed</c> and then hangs until killed.</summary>
    internal static string SlowPushShim(string root, out string slow, out string pushed)
    {
        Directory.CreateDirectory(root);
        slow = Path.Combine(root, "slow-push");
        pushed = Path.Combine(root, "pushed");
        File.WriteAllText(slow, "");
        var shim = Path.Combine(root, "git-shim");
        ExecutableScript.Write(shim, $"""
            #!/bin/sh
            if [ "$1" = push ] && [ -e '{slow}' ]; then
              rm -f '{slow}'
              '{TestGit.Executable}' "$@" || exit $?
              touch '{pushed}'
              exec sleep 600
            fi
            exec '{TestGit.Executable}' "$@"

            """);

        return shim;
    }
}
