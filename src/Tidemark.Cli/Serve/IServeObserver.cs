using Tidemark.Automation;

namespace Tidemark.Cli.Serve;

/// <summary>
/// What the service tells its observers (metrics, logs): each run's start and end, and each webhook delivery. Called on
/// the scheduler's and the request's threads; implementations must be thread-safe and must not throw.
/// </summary>
internal interface IServeObserver
{
    void RunStarted(string repository, RunTrigger trigger);

    /// <summary>A run ended: with its <paramref name="result"/> (null when it threw: <paramref name="error"/> is the classified message, already redacted).</summary>
    void RunFinished(string repository, RunTrigger trigger, TimeSpan duration, RunResult? result, string? error);

    /// <summary>A webhook delivery was handled: its sender (<c>github</c>, <c>dockerhub</c>, <c>quay</c>, <c>harbor</c>, <c>distribution</c>) and outcome (<c>accepted</c>, <c>ignored</c>, <c>replayed</c>, <c>unauthorized</c>, <c>malformed</c>).</summary>
    void WebhookHandled(string sender, string outcome);

    /// <summary>A run did not start: another replica holds the repository's lease (it is doing the work). Added by serve-core; ignored unless implemented.</summary>
    void RunSkipped(string repository, RunTrigger trigger, string reason)
    {
    }
}
