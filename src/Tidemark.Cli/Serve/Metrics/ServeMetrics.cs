using System.Diagnostics.Metrics;
using Tidemark.Automation;

namespace Tidemark.Cli.Serve.Metrics;

/// <summary>
/// The service's own instruments (meter <c>Tidemark.Serve</c>; docs/metrics.md): runs, their duration, the last
/// successful run and webhook deliveries. Recorded by <see cref="MetricsObserver"/>; exported with the library's
/// <see cref="Telemetry.TidemarkMetrics"/> on <c>/metrics</c>.
/// </summary>
internal static class ServeMetrics
{
    public const string MeterName = "Tidemark.Serve";

    /// <summary>Run duration buckets in seconds: a run with nothing to do takes about a second, a large one minutes.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        "tidemark_runs", "{run}", "Reconcile runs finished, by repository, trigger and outcome (succeeded, up_to_date, failed)");

    public static readonly Histogram<double> RunDuration = Meter.CreateHistogram(
        "tidemark_run_duration_seconds", "s", "How long reconcile runs took, by repository, in seconds",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Gauge<double> LastSuccess = Meter.CreateGauge<double>(
        "tidemark_last_successful_run_timestamp_seconds", "s", "When the repository's last successful run ended, in Unix seconds");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "tidemark_webhook_deliveries", "{delivery}", "Webhook deliveries handled, by sender and outcome (accepted, ignored, replayed, unauthorized, malformed)");

    /// <summary>
    /// The outcome label of a run: <c>failed</c> when it threw or its plan had errors, <c>up_to_date</c> when no scope
    /// has anything to propose, else <c>succeeded</c> (a pull request was opened, updated, closed or already said it all).
    /// </summary>
    public static string Outcome(RunResult? result)
    {
        if (result is null || result.HasErrors)
        {
            return "failed";
        }

        return result.Scopes.All(s => s.Outcome.Action == PublishAction.Nothing) ? "up_to_date" : "succeeded";
    }
}

/// <summary>Records each run and webhook delivery on <see cref="ServeMetrics"/>; never throws.</summary>
internal sealed class MetricsObserver(TimeProvider time) : IServeObserver
{
    public void RunStarted(string repository, RunTrigger trigger)
    {
    }

    public void RunFinished(string repository, RunTrigger trigger, TimeSpan duration, RunResult? result, string? error)
    {
        var outcome = ServeMetrics.Outcome(result);
        ServeMetrics.Runs.Add(1, new("repository", repository), new("trigger", trigger.Label), new("outcome", outcome));
        ServeMetrics.RunDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("repository", repository));
        if (outcome != "failed")
        {
            ServeMetrics.LastSuccess.Record(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, new KeyValuePair<string, object?>("repository", repository));
        }
    }

    public void WebhookHandled(string sender, string outcome) =>
        ServeMetrics.WebhookDeliveries.Add(1, new("sender", sender), new("outcome", outcome));
}
