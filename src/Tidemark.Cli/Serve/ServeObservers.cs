using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Cli.Serve.Scheduling;

namespace Tidemark.Cli.Serve;

/// <summary>Passes each event to every observer (the host builds one: logging now, metrics and the run log when they are added); one failing does not stop the others.</summary>
internal sealed class CompositeServeObserver(IReadOnlyList<IServeObserver> observers) : IServeObserver
{
    public IReadOnlyList<IServeObserver> Observers => observers;

    public void RunStarted(string repository, string trigger) => Each(o => o.RunStarted(repository, trigger));

    public void RunFinished(string repository, string trigger, TimeSpan duration, RunResult? result, string? error) => Each(o => o.RunFinished(repository, trigger, duration, result, error));

    public void WebhookHandled(string sender, string outcome) => Each(o => o.WebhookHandled(sender, outcome));

    public void RunSkipped(string repository, string trigger, string reason) => Each(o => o.RunSkipped(repository, trigger, reason));

    private void Each(Action<IServeObserver> call)
    {
        foreach (var observer in observers)
        {
            try
            {
                call(observer);
            }
#pragma warning disable CA1031 // observers must not throw; one that does must not silence the others
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}

/// <summary>One log line per run end (event <c>run finished</c>/<c>run failed</c>/<c>run skipped</c>) and per webhook delivery.</summary>
internal sealed class LoggingServeObserver(ILogger logger) : IServeObserver
{
    public void RunStarted(string repository, string trigger) => logger.LogDebug("run started: {Repository} ({Trigger})", repository, trigger);

    public void RunFinished(string repository, string trigger, TimeSpan duration, RunResult? result, string? error)
    {
        if (result is null)
        {
            logger.LogError("run failed: {Repository} ({Trigger}) after {Seconds:0.0}s: {Error}", repository, trigger, duration.TotalSeconds, error);
        }
        else
        {
            logger.LogInformation("run finished: {Repository} ({Trigger}) in {Seconds:0.0}s, run {RunId}: {Outcome}", repository, trigger, duration.TotalSeconds, result.RunId, RunOutcomes.Describe(result));
        }
    }

    public void WebhookHandled(string sender, string outcome) => logger.LogInformation("webhook: {Sender} {Outcome}", sender, outcome);

    public void RunSkipped(string repository, string trigger, string reason) => logger.LogInformation("run skipped: {Repository} ({Trigger}): {Reason}", repository, trigger, reason);
}
