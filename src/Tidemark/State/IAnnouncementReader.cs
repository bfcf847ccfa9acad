namespace Tidemark.State;

/// <summary>Whether something was already announced on an update branch.</summary>
internal interface IAnnouncementReader
{
    Task<bool> WasAnnouncedAsync(string repository, string branch, AnnouncementKind kind, string key, CancellationToken cancellationToken);
}
