namespace Tidemark.State;

/// <summary>
/// A pull request Tidemark manages, keyed by repository and update branch. <see cref="Targets"/> is the
/// image → tag set it proposes. <see cref="ClosedByPersonWithoutMerge"/> records that a person said no,
/// so the same target set is not proposed again.
/// </summary>
internal sealed record ManagedPullRequest(
    string Repository,
    string UpdateBranch,
    int? Number,
    string? Url,
    PullRequestState State,
    IReadOnlyDictionary<string, string> Targets,
    bool ClosedByPersonWithoutMerge,
    string? LastPushedSha)
{
    /// <summary>When the store last wrote it (set by the store).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
