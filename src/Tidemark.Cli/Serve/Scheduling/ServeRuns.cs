using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Configuration.Service;
using Tidemark.State;

namespace Tidemark.Cli.Serve.Scheduling;

/// <summary>
/// The scheduler's production seam: one reconcile is exactly <see cref="AutomationRun.RunAsync"/>, the use case of
/// <c>tidemark run</c>, with <see cref="RunSettings"/> made from the repository's entry (its URL, operator settings, API,
/// dry run and token source, the service's shared token otherwise), its own work directory <c>workDir/OWNER/NAME</c>,
/// the service's one open state store, the lease for <c>leaseDuration</c> without waiting for another replica's, and
/// progress written to the log instead of the console.
/// </summary>
internal sealed class ServeRuns(ServiceSettings settings, Composition composition, StateStore state, ILoggerFactory logging)
{
    public Task<RunResult> RunAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runSettings = Settings(settings, request);
        var report = new LoggingRunReport(logging.CreateLogger("Tidemark.Serve.Run"), request.Repository.Name);
        var host = composition.RunHost(runSettings, report) with { OpenState = _ => Task.FromResult(state) };
        return AutomationRun.RunAsync(runSettings, host, cancellationToken);
    }

    /// <summary>The run's settings for one repository of the service.</summary>
    public static RunSettings Settings(ServiceSettings settings, ReconcileRequest request)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        var repository = request.Repository;
        var workDir = Path.Combine([settings.WorkDirectory, .. repository.Name.Split('/')]);
        return new RunSettings(
            repository.Url,
            repository.Config is null ? null : new FileInfo(repository.Config),
            repository.DryRun,
            null,
            repository.ApiUrl ?? new Uri(RunTarget.GitHubApi),
            settings.State,
            workDir,
            settings.SecretsDirectory,
            Refresh: request.Refresh)
        {
            ApiUrlGiven = repository.ApiUrl is not null,
            Token = repository.Token ?? settings.Token,
            LeaseDuration = settings.LeaseDuration,
            LeaseWait = TimeSpan.Zero,
            LeaseRole = "serve",
        };
    }
}

/// <summary>A run's progress as log lines (the service has no console to print to), each naming the repository.</summary>
internal sealed class LoggingRunReport(ILogger logger, string repository) : IRunReport
{
    public Task NoteAsync(string message)
    {
        logger.LogInformation("{Repository}: {Message}", repository, message);
        return Task.CompletedTask;
    }

    public Task WarnAsync(string message)
    {
        logger.LogWarning("{Repository}: {Message}", repository, message);
        return Task.CompletedTask;
    }

    public Task ErrorAsync(string message)
    {
        logger.LogError("{Repository}: {Message}", repository, message);
        return Task.CompletedTask;
    }

    public Task ScopePublishedAsync(ScopeResult scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        logger.LogInformation("{Repository}: {Scope}{Changes} change(s): {Push}{PullRequest}", repository, scope.ScopeLine is null ? "" : scope.ScopeLine + ": ",
            scope.Plan.Changes.Count, scope.Outcome.Push, scope.Outcome.PullRequestUrl is { } url ? $"; {url}" : "");
        return Task.CompletedTask;
    }

    public Task ScopeSuspendedAsync(string line)
    {
        logger.LogInformation("{Repository}: {Message}", repository, line);
        return Task.CompletedTask;
    }
}
