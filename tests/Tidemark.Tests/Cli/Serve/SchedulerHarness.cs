using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Automation;
using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Scheduling;
using Tidemark.Configuration;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;
using Tidemark.Git;

namespace Tidemark.Tests.Cli.Serve;

/// <summary>
/// A <see cref="ReconcileScheduler"/> on a <see cref="FakeTimeProvider"/> whose runs are held open until the test ends
/// them (<see cref="Call.Succeed"/>, <see cref="Call.Fail"/>): every call the scheduler makes is recorded, so tests
/// see which repository ran, why, and how many at once, without git or a clock.
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly List<Call> calls = [];
    private readonly Lock gate = new();
    private bool started;

    public SchedulerHarness(int repositories = 1, TimeSpan? interval = null, int maxConcurrentRuns = 4, TimeSpan? shutdownTimeout = null, int seed = 7)
    {
        var list = Enumerable.Range(1, repositories)
            .Select(i => new ServiceRepository($"acme/repo{i}", $"https://github.com/acme/repo{i}", interval ?? TimeSpan.FromMinutes(5), null, null, null, false, new SourcePlace("serve.yaml", i + 1, 5)))
            .ToList();
        Settings = new ServiceSettings("serve.yaml", ["http://127.0.0.1:0"], null, "/tmp/work", ServiceLogFormat.Json, maxConcurrentRuns, new EnvToken("GITHUB_TOKEN"), list,
            new WebhookSettings(null, new Dictionary<string, SecretSetting>()), new DashboardSettings(null, null, null, null))
        {
            ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(30),
        };
        Scheduler = new ReconcileScheduler(Settings, RunAsync, Observer, Time, new Redactor(), NullLogger.Instance, new Random(seed));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ServiceSettings Settings { get; }

    public ReconcileScheduler Scheduler { get; }

    public RecordingObserver Observer { get; } = new();

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public IReadOnlyList<Call> Running => [.. Calls.Where(c => !c.Ended)];

    public async Task StartAsync()
    {
        started = true;
        await Scheduler.StartAsync(default);
        await Eventually(() => Scheduler.SchedulerRunning, "the scheduler runs");
    }

    public RepositoryStatus Status(string name) => Scheduler.Repositories.Single(r => r.Name == name);

    /// <summary>Waits (real time, generously) until <paramref name="condition"/> holds: the scheduler works on other threads.</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"timed out waiting until {what}");
    }

    /// <summary>Waits until the scheduler has settled: no new call appears for a while after time stops moving.</summary>
    public async Task SettleAsync()
    {
        var count = -1;
        for (var stable = 0; stable < 10;)
        {
            await Task.Delay(10);
            var now = Calls.Count;
            stable = now == count ? stable + 1 : 0;
            count = now;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var call in Calls.Where(c => !c.Ended))
        {
            call.Succeed();
        }

        if (started)
        {
            await Scheduler.StopAsync(default);
        }

        Scheduler.Dispose();
    }

    private Task<RunResult> RunAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var call = new Call(request, cancellationToken);
        lock (gate)
        {
            calls.Add(call);
        }

        return call.Task;
    }

    public static RunResult Result(string repository, params string[] images) => new(
        repository,
        "run-" + Guid.NewGuid().ToString("N")[..8],
        false,
        new UpdateMode([UpdateScope.Repository], "test"),
        [
            new ScopeResult(
                new PublishSettings(repository, "main", "flux-image-updates", new GitIdentity("Tidemark", "tidemark@example.invalid"), "chore: update", [], [], []),
                new Plan([.. images.Select(i => new PlannedChange(i, "1.0.0", "1.1.0", "non-breaking", null, "newer", []))], [], [], [], [], []),
                new Outcome(images.Length > 0 ? PublishAction.Created : PublishAction.Nothing, images.Length > 0, "pushed", images.Length > 0 ? 3 : null,
                    images.Length > 0 ? $"https://github.com/{repository}/pull/3" : null, [], false),
                null),
        ],
        [],
        []);

    /// <summary>
    /// A run whose plan checked <paramref name="checkedImages"/> (each moved to 1.1.0) and whose registry lookups failed
    /// for <paramref name="failedImages"/> (an error each): partial when both are given, nothing done when none was checked.
    /// </summary>
    public static RunResult ResultWithErrors(string repository, string[] checkedImages, string[] failedImages)
    {
        var policy = ResolvedPolicy.Resolve(new PolicySpec("semver:>=1.0.0", null, null, new SourcePlace("tidemark.yaml", 1, 1))).Value!;
        var decisions = checkedImages.Select(i => (Decision)new Decision.Update(new ImageKey(i, "1.0.0", "semver"), policy, null, "1.1.0", null, "newer"))
            .Concat(failedImages.Select(i => new Decision.Keep(new ImageKey(i, "1.0.0", "semver"), policy, null, "registry failed", IsError: true)))
            .ToList();
        var plan = new Plan([.. checkedImages.Select(i => new PlannedChange(i, "1.0.0", "1.1.0", "semver", null, "newer", []))], [],
            [.. failedImages.Select(i => $"{i}: the registry answered 503")], [], [], decisions);
        var created = checkedImages.Length > 0;
        var outcome = new Outcome(created ? PublishAction.Created : PublishAction.Nothing, created, "pushed", created ? 3 : null, created ? $"https://github.com/{repository}/pull/3" : null, [], false);
        var settings = new PublishSettings(repository, "main", "flux-image-updates", new GitIdentity("Tidemark", "tidemark@example.invalid"), "chore: update", [], [], []);
        return new RunResult(repository, "run-" + Guid.NewGuid().ToString("N")[..8], false, new UpdateMode([UpdateScope.Repository], "test"), [new ScopeResult(settings, plan, outcome, null)], [], [.. plan.Errors]);
    }

    /// <summary>One reconcile the scheduler started: held open until the test ends it.</summary>
    internal sealed class Call(ReconcileRequest request, CancellationToken cancellationToken)
    {
        private readonly TaskCompletionSource<RunResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ReconcileRequest Request => request;

        public string Repository => request.Repository.Name;

        public CancellationToken Cancellation => cancellationToken;

        public Task<RunResult> Task => completion.Task;

        public bool Ended => completion.Task.IsCompleted;

        public void Succeed(params string[] images) => completion.TrySetResult(Result(Repository, images));

        public void Finish(RunResult result) => completion.TrySetResult(result);

        public void Fail(string message = "git fetch failed: connection refused") => completion.TrySetException(new InvalidOperationException(message));

        public void Cancelled() => completion.TrySetCanceled(cancellationToken);

        public void Throw(Exception exception) => completion.TrySetException(exception);
    }
}

/// <summary>Records what the scheduler tells its observer.</summary>
internal sealed class RecordingObserver : IServeObserver
{
    private readonly List<string> events = [];
    private readonly Lock gate = new();

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    public void RunStarted(string repository, RunTrigger trigger) => Add($"started {repository} {trigger}");

    public void RunFinished(string repository, RunTrigger trigger, TimeSpan duration, RunResult? result, string? error) =>
        Add(result is null ? $"failed {repository} {trigger}: {error}" : $"finished {repository} {trigger}");

    public void WebhookHandled(string sender, string outcome) => Add($"webhook {sender} {outcome}");

    public void RunSkipped(string repository, RunTrigger trigger, string reason) => Add($"skipped {repository} {trigger}");

    private void Add(string text)
    {
        lock (gate)
        {
            events.Add(text);
        }
    }
}
