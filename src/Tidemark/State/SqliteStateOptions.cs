namespace Tidemark.State;

/// <summary>Where the SQLite database lives and how long to wait on a busy database. Example: ("/var/lib/tidemark/state.db").</summary>
internal sealed record SqliteStateOptions(string DatabasePath)
{
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a waiting <see cref="IRepositoryLock.AcquireAsync"/> looks again.</summary>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
