namespace Tidemark.State;

/// <summary>Serialises runs per repository across processes sharing one store.</summary>
internal interface IRepositoryLock
{
    /// <summary>Takes the lock if free, expired, or already ours; returns null if someone else holds it.</summary>
    Task<RepositoryLease?> TryAcquireAsync(string repository, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Waits up to <paramref name="wait"/> for the lock; throws <see cref="RepositoryLockedException"/> naming the holder.</summary>
    Task<RepositoryLease> AcquireAsync(string repository, string owner, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Releases the lock if this lease still holds it.</summary>
    Task ReleaseAsync(RepositoryLease lease, CancellationToken cancellationToken);
}
