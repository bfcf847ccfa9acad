using Microsoft.Data.Sqlite;
using Tidemark.Cli;
using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.Run;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.State;

/// <summary>
/// `tidemark run` when its state store fails in the middle (a git shim replaces the database with garbage right after the
/// real push: a real file-system change between run phases), and the repository lease released on every path a run can
/// end by through the CLI: configuration error, registry error, push rejected, cancelled.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RunStateFailureTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Run_StateReplacedWithGarbageAfterThePush_ExitsOneSayingWhatWasPushedAndNotRecorded()
    {
        using var scene = await fixture.NewSceneAsync();
        var shim = Shim(scene, $"""
            '{TestGit.Executable}' "$@"; code=$?
            for a in "$@"; do if [ "$a" = push ]; then head -c 8192 /dev/zero | tr '\0' 'x' > '{scene.StatePath}'; rm -f '{scene.StatePath}-wal' '{scene.StatePath}-shm'; fi; done
            exit $code
            """);

        var run = await scene.RunWithAsync(new Dictionary<string, string> { ["TIDEMARK_GIT"] = shim });

        Assert.Equal(1, run.ExitCode);
        var pushed = scene.BranchSha(RunScene.UpdateBranch);
        Assert.NotNull(pushed);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var done = Assert.Single(lines, l => l.StartsWith("tidemark: error: the run ", StringComparison.Ordinal));
        Assert.Contains($"pushed {pushed[..7]} to {scene.Repository.FullName}@{RunScene.UpdateBranch}", done, StringComparison.Ordinal);
        Assert.Contains($"but the state database {scene.StatePath} failed before the run was fully recorded", done, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"tidemark: state database {scene.StatePath} is not a SQLite database", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StateReplacedAfterThePush_RepairThenRun_OpensOnePullRequestOnTheBranchPushed()
    {
        using var scene = await fixture.NewSceneAsync();
        var shim = Shim(scene, $"""
            '{TestGit.Executable}' "$@"; code=$?
            for a in "$@"; do if [ "$a" = push ]; then head -c 8192 /dev/zero | tr '\0' 'x' > '{scene.StatePath}'; rm -f '{scene.StatePath}-wal' '{scene.StatePath}-shm'; fi; done
            exit $code
            """);
        Assert.Equal(1, (await scene.RunWithAsync(new Dictionary<string, string> { ["TIDEMARK_GIT"] = shim })).ExitCode);
        var pushed = scene.BranchSha(RunScene.UpdateBranch);

        var repair = await CliRun.RunAsync("state", "repair", "--state", scene.StatePath);
        var again = await scene.RunAsync();

        Assert.True(repair.ExitCode == 0, repair.Error);
        Assert.True(again.ExitCode == 0, again.Error + again.Out);
        Assert.Single(scene.Repository.PullRequests);
        Assert.Equal(pushed, scene.BranchSha(RunScene.UpdateBranch));
        Assert.Equal(0, Leases(scene));
    }

    [Fact]
    public async Task Run_ConfigurationError_ReleasesTheLease()
    {
        using var scene = await fixture.NewSceneAsync(extraConfig: "commit: [unclosed\n");

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 2, run.Error + run.Out);
        Assert.Equal(0, Leases(scene));
    }

    [Fact]
    public async Task Run_RegistryUnreachable_ReleasesTheLease()
    {
        using var scene = await fixture.NewSceneAsync();
        var dead = $"127.0.0.1:{Tidemark.Testing.Ports.Free()}";
        scene.EditOperatorConfig($"  - host: docker.io\n    endpoint: http://{fixture.Registry.Host}\n", $"  - host: docker.io\n    endpoint: http://{dead}\n");

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 1, run.Error + run.Out);
        Assert.Contains("cannot reach registry docker.io", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Leases(scene));
    }

    [Fact]
    public async Task Run_PushRejected_ReleasesTheLease()
    {
        using var scene = await fixture.NewSceneAsync();
        var shim = Shim(scene, $"""
            for a in "$@"; do if [ "$a" = push ]; then echo "error: failed to push some refs (rejected by a test hook)" >&2; exit 1; fi; done
            exec '{TestGit.Executable}' "$@"
            """);

        var run = await scene.RunWithAsync(new Dictionary<string, string> { ["TIDEMARK_GIT"] = shim });

        Assert.True(run.ExitCode == 1, run.Error + run.Out);
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Equal(0, Leases(scene));
    }

    [Fact]
    public async Task Run_CancelledDuringThePush_ReleasesTheLease()
    {
        using var scene = await fixture.NewSceneAsync();
        var marker = Path.Combine(scene.Root, "pushing");
        var shim = Shim(scene, $"""
            for a in "$@"; do if [ "$a" = push ]; then touch '{marker}'; sleep 60; fi; done
            exec '{TestGit.Executable}' "$@"
            """);
        using var cancellation = new CancellationTokenSource();
        var stderr = new StringWriter();
        var env = new CliEnvironment(new StringWriter(), stderr, TimeProvider.System,
            name => name switch { "GITHUB_TOKEN" => scene.Token, "TIDEMARK_GIT" => shim, "TIDEMARK_STATE" => scene.StatePath, _ => null }, ErrorIsTerminal: false);

        var running = TidemarkApp.RunAsync(["run", "--repo", scene.RemoteUrl, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir, "--config", scene.OperatorConfig!], env, cancellation.Token);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(marker) && !running.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        Assert.True(File.Exists(marker), stderr.ToString());
        Assert.Equal(1, Leases(scene));
        await cancellation.CancelAsync();
        var code = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(code == 1, stderr.ToString());
        Assert.Contains("tidemark: cancelled", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Leases(scene));
    }

    private static int Leases(RunScene scene)
    {
        using var connection = new SqliteConnection($"Data Source={scene.StatePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM repository_locks";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Shim(RunScene scene, string body)
    {
        var folder = Path.Combine(scene.Root, "shim");
        Directory.CreateDirectory(folder);
        var shim = Path.Combine(folder, "git");
        ExecutableScript.Write(shim, "#!/bin/sh\n" + body + "\n");
        return shim;
    }
}
