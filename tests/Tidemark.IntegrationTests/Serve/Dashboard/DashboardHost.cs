using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Automation;
using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Dashboard;
using Tidemark.Cli.Serve.Metrics;
using Tidemark.Configuration;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Serve.Dashboard;

/// <summary>
/// The dashboard alone on real Kestrel at <c>http://127.0.0.1:0</c>, over a real SQLite store filled through the store's
/// own writers, with a fixed scheduler status and a recording trigger (the service's own seams, see the serve contract).
/// <see cref="Urls"/> are what the settings claim the service listens on (the test itself always binds loopback).
/// </summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An image name and an outcome that would run script if a page wrote them unencoded.</summary>
    public const string HostileImage = "ghcr.io/acme/<script>alert('image')</script>";
    public const string HostileOutcome = "failed: <script>alert('outcome')</script>";
    public const string Fingerprint = "fine-grained …a1b2 #3f9c1e";

    private readonly WebApplication _app;
    private readonly string _folder;

    private DashboardHost(WebApplication app, string folder, StateStore state, FakeTimeProvider time, RecordingTriggers triggers, RecordingLogs logs)
    {
        Logs = logs;
        _app = app;
        _folder = folder;
        State = state;
        Time = time;
        Triggers = triggers;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public Uri BaseAddress { get; }

    public StateStore State { get; }

    public FakeTimeProvider Time { get; }

    public RecordingTriggers Triggers { get; }

    /// <summary>Every line the dashboard logged (category, level, formatted message).</summary>
    public RecordingLogs Logs { get; }

    /// <param name="freshStatus">The scheduler's status as right after a restart: no run in this process's memory yet (the pages must read the store).</param>
    public static async Task<DashboardHost> StartAsync(DashboardSettings? dashboard = null, IReadOnlyList<string>? urls = null, int auditEvents = 0, bool freshStatus = false)
    {
        var folder = Directory.CreateTempSubdirectory("tidemark-dashboard-").FullName;
        var time = new FakeTimeProvider(Now.AddHours(-2));
        var redactor = new Redactor();
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(Path.Combine(folder, "state.db")), time, redactor, CancellationToken.None);
        await FillAsync(state, time, auditEvents);
        time.SetUtcNow(Now);

        var place = new SourcePlace("serve.yaml", 8, 5);
        ServiceRepository[] repositories =
        [
            new("acme/fleet", "https://github.com/acme/fleet", TimeSpan.FromMinutes(5), null, null, null, false, place),
            new("acme/broken", "https://github.com/acme/broken", TimeSpan.FromMinutes(5), null, null, null, false, place, "serve.yaml:14:7: config: no such file /etc/missing.yaml; fix the path"),
        ];
        var settings = new ServiceSettings("serve.yaml", urls ?? ["http://127.0.0.1:8080"], null, folder, ServiceLogFormat.Json, 4, new EnvToken("GITHUB_TOKEN"), repositories,
            new WebhookSettings(null, new Dictionary<string, SecretSetting>()), dashboard ?? new DashboardSettings(null, null, null, null));
        var status = new FixedStatus(
        [
            freshStatus
                ? new RepositoryStatus("acme/fleet", "https://github.com/acme/fleet", TimeSpan.FromMinutes(5), null, false, Now.AddMinutes(4), null, null, null, null, null, 0, null, null, null)
                : new RepositoryStatus("acme/fleet", "https://github.com/acme/fleet", TimeSpan.FromMinutes(5), null, false, Now.AddMinutes(4), Now.AddMinutes(-1).AddSeconds(-20),
                Now.AddMinutes(-1), "20261203T115840Z-1a2b3c", true, "pull request #7 updated", 0, 3, new Uri("http://127.0.0.1:9/acme/fleet/pull/7"), ["ghcr.io/acme/app"]),
            new RepositoryStatus("acme/broken", "https://github.com/acme/broken", TimeSpan.FromMinutes(5), repositories[1].Error, false, null, null, null, null, null, null, 0, null, null, null),
        ]);
        var triggers = new RecordingTriggers(["acme/fleet"]);
        var logs = new RecordingLogs();
        var context = new ServeContext(settings, triggers, status, new SilentObserver(), state, time, redactor, new LoggerFactory([logs]));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        // as ServeHost maps them: the dashboard and /metrics in the one guarded group
        var guarded = DashboardAccess.MapGuarded(app, context);
        DashboardEndpoints.Map(guarded, context);
        MetricsEndpoints.Map(guarded, context);
        await app.StartAsync();
        return new DashboardHost(app, folder, state, time, triggers, logs);
    }

    public HttpClient Client(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: the temp folder is the system's to clean
        }
    }

    private static async Task FillAsync(StateStore state, FakeTimeProvider time, int auditEvents)
    {
        var ct = CancellationToken.None;
        // an older run whose decisions are superseded, then the latest one
        var old = await state.RunWriter.StartRunAsync(new RunStart("acme/fleet", "schedule", "20261203T095800Z-0f0f0f"), ct);
        await state.RunWriter.RecordDecisionsAsync(old, [new DecisionRecord("docker.io/library/redis", "7.0.0", "7.2.0", "semver ^7", "older run's decision")], ct);
        await state.RunWriter.EndRunAsync(old, new RunEnd(HostileOutcome, 4, 0, 1), ct);
        time.Advance(TimeSpan.FromMinutes(60));

        var latest = await state.RunWriter.StartRunAsync(new RunStart("acme/fleet", "webhook", "20261203T115840Z-1a2b3c"), ct);
        await state.RunWriter.RecordDecisionsAsync(latest,
        [
            new DecisionRecord(HostileImage, "1.0.0", "1.1.0", "semver ^1", "newer tag in range"),
            new DecisionRecord("ghcr.io/acme/app", "2.3.0", "2.4.1", "semver ^2", "newer tag in range"),
            new DecisionRecord("ghcr.io/acme/app", "2.3.0", "2.4.1", "semver ^2", "newer tag in range (second reference)"),
            new DecisionRecord("docker.io/library/nginx", "1.27.0", null, "", "held by group web: docker.io/library/nginx-exporter has no 1.28.0"),
        ], ct);
        time.Advance(TimeSpan.FromSeconds(20));
        await state.RunWriter.EndRunAsync(latest, new RunEnd("pull-request-updated", 12, 3, 0), ct);

        await state.PullRequestWriter.SavePullRequestAsync(new ManagedPullRequest("acme/fleet", "flux-image-updates", 7, "http://127.0.0.1:9/acme/fleet/pull/7",
            PullRequestState.Open, new Dictionary<string, string> { ["ghcr.io/acme/app"] = "2.4.1" }, false, "3f2c1a0"), ct);
        await state.PullRequestWriter.SavePullRequestAsync(new ManagedPullRequest("acme/fleet", "old-updates", 5, "javascript:alert('pr')",
            PullRequestState.Merged, new Dictionary<string, string>(), false, null), ct);

        await state.TokenWriter.RecordUseAsync(new TokenUse(Fingerprint, "fine-grained", "environment variable GITHUB_TOKEN", "current", "acme/fleet", Now.AddDays(9).AddHours(1),
            new Dictionary<string, int> { ["git.fetch"] = 2, ["git.push"] = 1 }), ct);
        await state.TokenWriter.RecordNextRefusedAsync("fine-grained …n3xt #9a8b7c", Fingerprint, "push to flux-image-updates (contents: write)", ct);
        await state.AuditWriter.AppendAsync(new AuditEvent(AuditActions.TokenCheck, "acme/fleet", AuditOutcomes.Denied, Fingerprint, "contents: read only, push refused"), ct);

        for (var i = 1; i <= auditEvents; i++)
        {
            await state.AuditWriter.AppendAsync(new AuditEvent(AuditActions.GitFetch, "acme/fleet", AuditOutcomes.Ok, Fingerprint, $"fetch number {i}", "20261203T115840Z-1a2b3c"), ct);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await state.AuditWriter.AppendAsync(new AuditEvent(AuditActions.GitPush, "acme/other@flux-image-updates", AuditOutcomes.Denied, Fingerprint, "push to other refused"), ct);
    }
}

/// <summary>Keeps every log line, formatted, for tests that check what is (and is not) logged.</summary>
internal sealed class RecordingLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}

internal sealed class FixedStatus(IReadOnlyList<RepositoryStatus> repositories) : IServeStatus
{
    public bool SchedulerRunning => true;

    public IReadOnlyList<RepositoryStatus> Repositories { get; } = repositories;
}

/// <summary>Records every reconcile the dashboard asks for; knows which repositories are enabled.</summary>
internal sealed class RecordingTriggers(IReadOnlyCollection<string> enabled) : IReconcileTriggers
{
    public ConcurrentQueue<(string Repository, RunTrigger Trigger)> Requests { get; } = new();

    public bool Request(string repository, RunTrigger trigger)
    {
        if (!enabled.Contains(repository, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        Requests.Enqueue((repository, trigger));
        return true;
    }

    public IReadOnlyList<string> ImagePushed(string imageRepository, RunTrigger trigger) => [];

    public BranchPush? BranchPushed(string repository, string branch, string? defaultBranch, RunTrigger trigger) => null;
}

internal sealed class SilentObserver : IServeObserver
{
    public void RunStarted(string repository, RunTrigger trigger)
    {
    }

    public void RunFinished(string repository, RunTrigger trigger, TimeSpan duration, RunResult? result, string? error)
    {
    }

    public void WebhookHandled(string sender, string outcome)
    {
    }
}
