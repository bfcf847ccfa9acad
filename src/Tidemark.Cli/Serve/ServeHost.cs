using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Cli.Logging;
using Tidemark.Cli.Serve.Dashboard;
using Tidemark.Cli.Serve.Logging;
using Tidemark.Cli.Serve.Metrics;
using Tidemark.Cli.Serve.Scheduling;
using Tidemark.Cli.Serve.Webhooks;
using Tidemark.Configuration;
using Tidemark.Configuration.Service;
using Tidemark.State;

namespace Tidemark.Cli.Serve;

/// <summary>
/// <c>tidemark serve</c>'s host: the state store opened once, the scheduler as the hosted service, Kestrel on the
/// settings' listen addresses (loopback by default) with <c>/healthz</c>, <c>/readyz</c> and the webhook, dashboard and
/// metrics routes, logs through the process's redactor. Stops on SIGTERM/Ctrl-C: no new work, running reconciles get
/// <see cref="ServiceSettings.ShutdownTimeout"/> to finish.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private ServeHost(WebApplication app, ReconcileScheduler scheduler, StateStore state, ServeContext context, ILoggerFactory logging)
    {
        App = app;
        Scheduler = scheduler;
        State = state;
        Context = context;
        Logging = logging;
    }

    public WebApplication App { get; }

    public ReconcileScheduler Scheduler { get; }

    public StateStore State { get; }

    public ServeContext Context { get; }

    public ILoggerFactory Logging { get; }

    /// <summary>The addresses Kestrel listens on once started (a port 0 in the settings is the one chosen).</summary>
    public IReadOnlyList<string> Addresses =>
        [.. App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>
    /// Builds the host; <paramref name="run"/> replaces the production reconcile (<see cref="ServeRuns"/>) in tests of the
    /// host alone. Refuses (bad input) a non-loopback listen address without dashboard credentials.
    /// </summary>
    public static async Task<ServeHost> BuildAsync(CliEnvironment env, ServiceSettings settings, ILoggerFactory logging, CancellationToken cancellationToken,
        Func<ReconcileRequest, CancellationToken, Task<RunResult>>? run = null, IReadOnlyList<IServeObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(settings);
        // a listen address beyond loopback exposes the dashboard: it needs credentials, else the service does not start (bad input)
        DashboardAccess.Validate(settings);
        var composition = new Composition(env, logging);
        var state = await composition.OpenStateAsync(settings.State, cancellationToken).ConfigureAwait(false);
        var observer = new CompositeServeObserver([new RunLogObserver(logging.CreateLogger("Tidemark.Serve.Run")), new MetricsObserver(env.Time), .. observers ?? []]);
        var runs = new ServeRuns(settings, composition, state, logging);
        var scheduler = new ReconcileScheduler(settings, run ?? runs.RunAsync, observer, env.Time, env.Redactor, logging.CreateLogger("Tidemark.Serve.Scheduler"),
            new Random(System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue)));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(logging);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o =>
        {
            // the scheduler's own deadline cancels the reconciles; the host waits a little longer for them to end
            o.ShutdownTimeout = settings.ShutdownTimeout + TimeSpan.FromSeconds(15);
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        builder.Services.AddSingleton<IHostedService>(scheduler);
        var app = builder.Build();

        var context = new ServeContext(settings, scheduler, scheduler, observer, state, env.Time, env.Redactor, logging);
        MapHealth(app, context);
        WebhookEndpoints.Map(app, context);
        // the dashboard and /metrics share one guard (credentials, or loopback Host when none are set)
        var guarded = DashboardAccess.MapGuarded(app, context);
        DashboardEndpoints.Map(guarded, context);
        MetricsEndpoints.Map(guarded, context);
        return new ServeHost(app, scheduler, state, context, logging);
    }

    /// <summary>Runs until SIGTERM/Ctrl-C or <paramref name="cancellationToken"/>; the dashboard URL is logged once listening.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await App.StartAsync(cancellationToken).ConfigureAwait(false);
        var logger = Logging.CreateLogger("Tidemark.Serve");
        logger.LogInformation("tidemark serve listening on {Addresses} ({Count} repositories; dashboard at {Dashboard})",
            string.Join(", ", Addresses), Context.Settings.Repositories.Count, Addresses.FirstOrDefault() + "/");
        await App.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("tidemark serve stopped");
    }

    public async ValueTask DisposeAsync()
    {
        // the state store holds no open connection between uses (as for tidemark run): nothing to close
        await App.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The service's logs (<see cref="ServeLogging"/>): <c>log:</c> of the settings (json or text) on standard error, level from <c>TIDEMARK_LOG_LEVEL</c> (default information), every line redacted.</summary>
    public static ILoggerFactory CreateLogging(CliEnvironment env, ServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(settings);
        var level = env.Variable(LogSettings.LevelVariable) is { } text && Enum.TryParse<LogLevel>(text, true, out var parsed) ? parsed : LogLevel.Information;
        return LoggerFactory.Create(builder => ServeLogging.Configure(builder, settings.LogFormat, env.Redactor, env.Error, env.Time, level));
    }

    private static void MapHealth(WebApplication app, ServeContext context)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain"));
        app.MapGet("/readyz", async (CancellationToken cancellationToken) =>
        {
            var problems = new List<string>();
            if (!context.Status.SchedulerRunning)
            {
                problems.Add("scheduler not running");
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await context.State.RunReader.GetRunAsync(0, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StateStoreException or OperationCanceledException or InvalidOperationException)
            {
                problems.Add("state store unreachable: " + context.Redactor.Redact(e.Message));
            }

            return problems.Count == 0
                ? Results.Text("ready\n", "text/plain")
                : Results.Text("not ready: " + string.Join("; ", problems) + "\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
