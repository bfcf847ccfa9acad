using System.Globalization;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Cli.Serve.Metrics;

namespace Tidemark.Cli.Serve.Logging;

/// <summary>
/// Writes exactly one line per finished run (event <c>run.finished</c>), the way Flux controllers log one line per
/// reconcile, so <c>kubectl logs deployment/tidemark</c> reads as a history, e.g.
/// <c>run acme/fleet: pull request #3 updated (2 updates) in 4.1 s [run 20261203T101500Z-a1b2c3] trigger=schedule</c>.
/// The line's fields: <c>repository</c>, <c>run</c>, <c>trigger</c>, <c>outcome</c> (as the metrics' label),
/// <c>durationSeconds</c>, <c>updates</c>, <c>pullRequest</c>, <c>error</c>. A run's start is a debug line (<c>run.started</c>).
/// </summary>
internal sealed class RunLogObserver(ILogger logger) : IServeObserver
{
    public static readonly EventId Started = new(9001, "run.started");
    public static readonly EventId Finished = new(9002, "run.finished");
    public static readonly EventId Skipped = new(9003, "run.skipped");

    public void RunStarted(string repository, RunTrigger trigger)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Write(LogLevel.Debug, Started, $"run {repository}: started trigger={trigger}", [new("repository", repository), new("trigger", trigger.Text)]);
        }
    }

    public void RunFinished(string repository, RunTrigger trigger, TimeSpan duration, RunResult? result, string? error)
    {
        var outcome = ServeMetrics.Outcome(result);
        var problem = error ?? FirstError(result);
        var line = Line(repository, trigger, duration, result, problem);
        var pull = result?.Scopes.Select(s => s.Outcome.PullRequestUrl).FirstOrDefault(u => u is not null);
        Write(outcome == "failed" ? LogLevel.Error : LogLevel.Information, Finished, line,
        [
            new("repository", repository),
            new("run", result?.RunId),
            new("trigger", trigger.Text),
            new("outcome", outcome),
            new("durationSeconds", duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
            new("updates", result is null ? null : Updates(result).ToString(CultureInfo.InvariantCulture)),
            new("pullRequest", pull),
            new("error", problem),
        ]);
    }

    public void WebhookHandled(string sender, string outcome)
    {
    }

    /// <summary>A run not started because another replica holds the repository's lease: one line too (<c>run.skipped</c>), so the history has no gap.</summary>
    public void RunSkipped(string repository, RunTrigger trigger, string reason) =>
        Write(LogLevel.Information, Skipped, $"run {repository}: skipped: {reason} trigger={trigger}", [new("repository", repository), new("trigger", trigger.Text), new("outcome", "skipped")]);

    /// <summary>The line's text (docs/metrics.md lists the shapes).</summary>
    public static string Line(string repository, RunTrigger trigger, TimeSpan duration, RunResult? result, string? error)
    {
        var summary = result is null ? "failed" : result.HasErrors ? "failed, " + Summary(result) : Summary(result);
        var run = result is null ? "" : $" [run {result.RunId}]";
        var dry = result is { DryRun: true } ? "dry run, nothing written: " : "";
        var why = string.IsNullOrEmpty(error) ? "" : ": " + error;
        return $"run {repository}: {dry}{summary} in {Seconds(duration)} s{run} trigger={trigger}{why}";
    }

    private static string Summary(RunResult result) => result.Scopes.Count switch
    {
        0 => "nothing to publish (no active automation)",
        1 => Scope(result.Scopes[0]),
        _ => $"{result.Scopes.Count} scopes: " + string.Join("; ", result.Scopes.Select(Scope)),
    };

    private static string Scope(ScopeResult scope)
    {
        var outcome = scope.Outcome;
        var number = outcome.PullRequestNumber is { } n ? $" #{n}" : "";
        var updates = scope.Plan.Changes.Count;
        var carried = updates == 1 ? " (1 update)" : $" ({updates} updates)";
        var would = outcome.DryRun ? "would be " : "";
        return outcome.Action switch
        {
            PublishAction.Created => $"pull request{number} {would}opened{carried}",
            PublishAction.Updated => $"pull request{number} {would}updated{carried}",
            PublishAction.Unchanged => $"pull request{number} unchanged{carried}",
            PublishAction.Closed => $"pull request{number} {would}closed (the base has its updates)",
            PublishAction.Paused => $"paused: the update branch has commits Tidemark did not make{(number.Length > 0 ? $" (pull request{number})" : "")}",
            PublishAction.Declined => $"not proposed: pull request{number} with these updates was closed by a person",
            _ => "up to date",
        };
    }

    private static int Updates(RunResult result) => result.Scopes.Sum(s => s.Plan.Changes.Count);

    private static string? FirstError(RunResult? result)
    {
        if (result is null || !result.HasErrors)
        {
            return null;
        }

        var errors = result.Errors.Count > 0 ? result.Errors : [.. result.Scopes.SelectMany(s => s.Plan.Errors)];
        return errors.Count switch
        {
            0 => null,
            1 => errors[0],
            _ => $"{errors[0]} (and {errors.Count - 1} more)",
        };
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private void Write(LogLevel level, EventId id, string message, List<KeyValuePair<string, object?>> fields)
    {
        try
        {
            logger.Log(level, id, fields, null, (_, _) => message);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // an observer must not throw: a closed output loses the line, not the run
        }
    }
}
