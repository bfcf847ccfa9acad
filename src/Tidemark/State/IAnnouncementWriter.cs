namespace Tidemark.State;

/// <summary>Remembers what was announced on update branches, so it is said once.</summary>
internal interface IAnnouncementWriter
{
    /// <summary>Records the announcement; false when it was already recorded.</summary>
    Task<bool> TryRecordAnnouncementAsync(Announcement announcement, CancellationToken cancellationToken);
}
