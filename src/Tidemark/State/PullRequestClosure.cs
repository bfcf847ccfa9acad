namespace Tidemark.State;

/// <summary>
/// How a pull request of an update branch ended. A pull request number names one pull request of a repository, so a
/// closure is found by (repository, number); <paramref name="Branch"/> is its update branch ("" when an older
/// Tidemark's audit log did not say). Example: ("acme/gitops", "flux-image-updates", 7, Tidemark, "stale: …").
/// </summary>
internal sealed record PullRequestClosure(string Repository, string Branch, int Number, ClosedBy ClosedBy, string Reason)
{
    /// <summary>When it was first recorded (set by the store).</summary>
    public DateTimeOffset At { get; init; }
}
