namespace Tidemark.State;

/// <summary>What Tidemark told people on an update branch's pull request, once. Stored lowercase.</summary>
internal enum AnnouncementKind
{
    /// <summary>Updates are paused: a person committed to the update branch (key: the pull request number).</summary>
    Pause,
}
