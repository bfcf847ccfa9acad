namespace Tidemark.State;

/// <summary>
/// A commit Tidemark pushed (or was about to push: it is recorded before the push) to an update branch, keyed by
/// repository, branch and SHA. Example: ("acme/gitops", "flux-image-updates", "3f2c1a0…", "20261203T131404Z-1a2b3c").
/// <paramref name="RunId"/> is null for a commit learned from the audit log of an older Tidemark.
/// </summary>
internal sealed record PushedCommit(string Repository, string Branch, string Sha, string? RunId)
{
    /// <summary>When it was first recorded (set by the store).</summary>
    public DateTimeOffset At { get; init; }
}
