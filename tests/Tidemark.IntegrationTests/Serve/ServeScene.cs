using System.Diagnostics;
using Tidemark.Cli;
using Tidemark.Cli.Serve;
using Tidemark.Configuration.Service;
using Tidemark.IntegrationTests.Run;

namespace Tidemark.IntegrationTests.Serve;

/// <summary>
/// <c>tidemark serve</c> in this process for one <see cref="RunScene"/> repository: its settings file written beside
/// the scene (state, work directory, the operator's config with the local registry, the simulator's API), the real
/// host built by <see cref="ServeHost.BuildAsync"/> on a free loopback port, and an HTTP client for it.
/// </summary>
internal sealed class ServeScene : IAsyncDisposable
{
    private readonly StringWriter log;

    private ServeScene(RunScene scene, ServeHost host, StringWriter log)
    {
        Scene = scene;
        Host = host;
        this.log = log;
        Http = new HttpClient { BaseAddress = new Uri(host.Addresses[0]) };
    }

    public RunScene Scene { get; }

    public ServeHost Host { get; }

    public HttpClient Http { get; }

    /// <summary>Everything the service logged so far.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>The settings file for the scene's repository, with <paramref name="extra"/> top-level lines.</summary>
    public static string WriteSettings(RunScene scene, string extra = "", string name = "serve.yaml")
    {
        var path = Path.Combine(scene.Root, name);
        Directory.CreateDirectory(scene.Root);
        File.WriteAllText(path, $"""
            listen: ["http://127.0.0.1:0"]
            state: {scene.StatePath}
            workDir: {Path.Combine(scene.Root, "serve-work")}
            log: text
            {extra}
            repositories:
              - url: {scene.RemoteUrl}
                apiUrl: {scene.GitHub.ApiUri.AbsoluteUri}
                config: {scene.OperatorConfig}
                interval: 1h

            """);
        return path;
    }

    public static async Task<ServeScene> StartAsync(RunScene scene, string settingsPath, IReadOnlyDictionary<string, string>? variables = null)
    {
        var log = new StringWriter();
        var output = new LockedWriter(log);
        var env = new CliEnvironment(output, output, TimeProvider.System,
            name => name == "GITHUB_TOKEN" ? scene.Token : variables?.GetValueOrDefault(name), ErrorIsTerminal: false).Redacting();
        var settings = await ServiceSettingsLoader.LoadAsync(settingsPath, env.Variable, env.Redactor, default);
        var logging = ServeHost.CreateLogging(env, settings);
        var host = await ServeHost.BuildAsync(env, settings, logging, default);
        await host.App.StartAsync();
        return new ServeScene(scene, host, log);
    }

    /// <summary>Asks for a reconcile of the scene's repository and waits (up to two minutes) until a run has ended after it.</summary>
    public async Task<RepositoryStatus> ReconcileAsync(RunTrigger? trigger = null)
    {
        var before = Status().LastRunEnded;
        Assert.True(Host.Scheduler.Request(Scene.Repository.FullName, trigger ?? RunTrigger.Other("test")));
        return await WaitAsync(s => !s.Running && s.LastRunEnded != before, "a run ended");
    }

    public RepositoryStatus Status() => Host.Scheduler.Repositories.Single();

    public async Task<RepositoryStatus> WaitAsync(Func<RepositoryStatus, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (Status() is var status && condition(status))
            {
                return status;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"timed out waiting until {what}; the service logged:\n{Log}");
        return null!;
    }

    public async Task StopAsync() => await Host.App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        Host.Logging.Dispose();
        log.Dispose();
    }
}

/// <summary>Writes to a <see cref="StringWriter"/> under its lock, so the test can read it while the service writes.</summary>
internal sealed class LockedWriter(StringWriter inner) : TextWriter
{
    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (inner)
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (inner)
        {
            inner.Write(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (inner)
        {
            inner.WriteLine(value);
        }
    }
}
