using Tidemark.IntegrationTests.Run;

namespace Tidemark.IntegrationTests.Serve;

/// <summary><c>tidemark serve</c> as its own process, stopped the way Kubernetes stops it.</summary>
public sealed class ServeProcessTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Sigterm_DuringARun_CancelledAfterShutdownTimeout_ExitZero_LeaseFreeForTheNextRun()
    {
        using var scene = await fixture.NewSceneAsync();
        var shim = ServeHostTests.SlowPushShim(scene.Root, out _, out var pushed);
        var settings = ServeScene.WriteSettings(scene, "shutdownTimeout: 2s");
        await File.WriteAllTextAsync(settings, (await File.ReadAllTextAsync(settings)).Replace("interval: 1h", "interval: 10s", StringComparison.Ordinal));
        await using var serve = ServeProcess.Start(settings, scene.Token, null, shim);

        for (var i = 0; i < 1200 && !File.Exists(pushed) && !serve.Exited; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(pushed), "the first run did not reach its push:\n" + serve.Log);
        var code = await serve.TerminateAsync(TimeSpan.FromSeconds(60));

        Assert.True(code == 0, $"exit {code}:\n{serve.Log}");
        Assert.Contains("cancelling 1 reconciles still running after 00:00:02", serve.Log, StringComparison.Ordinal);
        Assert.Contains("tidemark serve stopped", serve.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Token, serve.Log, StringComparison.Ordinal);

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Single(scene.Repository.PullRequests);
    }
}
