using System.Diagnostics;
using System.Text;
using Tidemark.Credentials;
using Tidemark.IntegrationTests.Run;
using Tidemark.IntegrationTests.State.Postgres;
using Tidemark.State.Postgres;

namespace Tidemark.IntegrationTests.Serve;

/// <summary>
/// Three <c>tidemark serve</c> processes on one PostgreSQL store: one is killed while its run hangs after pushing;
/// the other two take its repositories over (the dead holder's lease) and between them reconcile every repository
/// with exactly one pull request each, never two runs of one repository at once (the store's lease).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ServeReplicasTests(PostgresFixture postgres, RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task ThreeReplicasOnePostgres_OneKilledMidRun_EveryRepositoryReconciledOnePullRequestEach()
    {
        var scenes = new List<RunScene>();
        for (var i = 0; i < 3; i++)
        {
            scenes.Add(await fixture.NewSceneAsync());
        }

        try
        {
            var database = await postgres.Server.CreateDatabaseAsync();
            var root = scenes[0].Root;
            var shim = ServeHostTests.SlowPushShim(root, out _, out var pushed);

            await using var a = ServeProcess.Start(Settings(scenes, root, "a", postgres.Server.Url(database)), scenes[0].Token, postgres.Server.Password, shim);
            await WaitUntilAsync(() => File.Exists(pushed), "replica a pushed and hangs", a);
            a.Kill();

            await using var b = ServeProcess.Start(Settings(scenes, root, "b", postgres.Server.Url(database)), scenes[0].Token, postgres.Server.Password, null);
            await using var c = ServeProcess.Start(Settings(scenes, root, "c", postgres.Server.Url(database)), scenes[0].Token, postgres.Server.Password, null);
            var store = await PostgresStateStore.OpenAsync(new PostgresStateOptions(postgres.Server.UrlWithPassword(database)), TimeProvider.System, new Redactor(), default);
            await WaitUntilAsync(() => scenes.All(s => s.Repository.PullRequests.Count == 1 && Ahead(s) == "1"), "every repository has its pull request", b, c);
            foreach (var scene in scenes)
            {
                var runs = await store.RunReader.ListRunsAsync(scene.Repository.FullName, 50, default);
                Assert.NotEmpty(runs);
            }

            // the replicas keep reconciling (interval 10s): a while later still one pull request and one commit each
            await Task.Delay(TimeSpan.FromSeconds(12));
            Assert.All(scenes, s => Assert.Single(s.Repository.PullRequests));
            Assert.All(scenes, s => Assert.Equal("1", Ahead(s)));
            var logs = b.Log + c.Log;
            Assert.Contains("] trigger=schedule", logs, StringComparison.Ordinal);
            Assert.DoesNotContain(postgres.Server.Password, logs + a.Log, StringComparison.Ordinal);
            Assert.DoesNotContain(scenes[0].Token, logs + a.Log, StringComparison.Ordinal);
            Assert.False(b.Exited || c.Exited, "the two replicas are still serving");
        }
        finally
        {
            foreach (var scene in scenes)
            {
                scene.Dispose();
            }
        }
    }

    private static string Ahead(RunScene scene)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--git-dir", scene.Repository.GitDirectory, "rev-list", "--count", $"refs/heads/main..refs/heads/{RunScene.UpdateBranch}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : "none";
    }

    private static string Settings(IReadOnlyList<RunScene> scenes, string root, string name, string stateUrl)
    {
        var text = new StringBuilder();
        text.AppendLine("listen: [\"http://127.0.0.1:0\"]");
        text.AppendLine($"state: {stateUrl}");
        text.AppendLine($"workDir: {Path.Combine(root, "work-" + name)}");
        text.AppendLine("log: text");
        text.AppendLine("shutdownTimeout: 2s");
        text.AppendLine("repositories:");
        foreach (var scene in scenes)
        {
            text.AppendLine($"  - url: {scene.RemoteUrl}");
            text.AppendLine($"    apiUrl: {scene.GitHub.ApiUri.AbsoluteUri}");
            text.AppendLine($"    config: {scenes[0].OperatorConfig}");
            text.AppendLine("    interval: 10s");
        }

        var path = Path.Combine(root, $"serve-{name}.yaml");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, params ServeProcess[] replicas)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(4))
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"timed out waiting until {what}; logs:\n{string.Join("\n----\n", replicas.Select(r => r.Log))}");
    }
}
