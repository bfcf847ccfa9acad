namespace Tidemark.Cli.Serve;

/// <summary>The scheduler's view of each configured repository, for the dashboard, health and metrics (a snapshot; never blocks).</summary>
internal interface IServeStatus
{
    /// <summary>Whether the scheduler loop is running (for <c>/readyz</c>).</summary>
    bool SchedulerRunning { get; }

    /// <summary>Whether triggers are taken now (false while the service stops): a webhook answered while this is false gets 503, so its sender retries.</summary>
    bool AcceptingWork => true;

    IReadOnlyList<RepositoryStatus> Repositories { get; }
}

/// <summary>One repository as the scheduler sees it now.</summary>
/// <param name="Name">Its key (<c>owner/name</c>).</param>
/// <param name="Error">Why the entry is disabled (settings), or null.</param>
/// <param name="LastOutcome">The last run's outcome in words (<c>pull request #3 updated</c>, <c>up to date</c>, <c>failed: …</c>), or null before the first run.</param>
/// <param name="PendingUpdates">How many updates the last run proposed (0 when up to date; null before the first run).</param>
/// <param name="Images">The image (and artifact) repositories the last run's plan referenced (normalised, as <see cref="IReconcileTriggers.ImagePushed"/>); null when not known yet.</param>
internal sealed record RepositoryStatus(
    string Name,
    string Url,
    TimeSpan Interval,
    string? Error,
    bool Running,
    DateTimeOffset? NextRun,
    DateTimeOffset? LastRunStarted,
    DateTimeOffset? LastRunEnded,
    string? LastRunId,
    bool? LastRunSucceeded,
    string? LastOutcome,
    int ConsecutiveFailures,
    int? PendingUpdates,
    Uri? PullRequestUrl,
    IReadOnlyCollection<string>? Images);
