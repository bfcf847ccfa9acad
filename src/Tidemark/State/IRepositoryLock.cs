namespace Tidemark.State;

/// <summary>
/// Serialises runs per repository across processes sharing one store. A run takes its repository's lease once and
/// passes it down (<see cref="Automation.AutomationRun"/>); nothing re-enters it: acquiring a lease that is held and
/// not expired fails whoever asks, its own holder included (no re-entry, no counting), so one release always frees it.
/// </summary>
internal interface IRepositoryLock
{
    /// <summary>Takes the lock if free, expired, or held by a process of this host that has died; returns null while anyone holds it (the same owner too).</summary>
    Task<RepositoryLease?> TryAcquireAsync(string repository, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Waits up to <paramref name="wait"/> for the lock; throws <see cref="RepositoryLockedException"/> naming the holder.</summary>
    Task<RepositoryLease> AcquireAsync(string repository, string owner, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Releases the lock if this lease still holds it.</summary>
    Task ReleaseAsync(RepositoryLease lease, CancellationToken cancellationToken);
}
