namespace Tidemark.State;

/// <summary>
/// Something said once on an update branch, keyed by repository, branch, kind and key.
/// Example: ("acme/gitops", "flux-image-updates", Pause, "7") — the pause was announced on pull request #7.
/// </summary>
internal sealed record Announcement(string Repository, string Branch, AnnouncementKind Kind, string Key)
{
    /// <summary>When it was recorded (set by the store).</summary>
    public DateTimeOffset At { get; init; }
}
