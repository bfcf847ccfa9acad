namespace Tidemark.State;

/// <summary>Another run holds the repository's lock; names the holder and when its lease expires.</summary>
internal sealed class RepositoryLockedException : Exception
{
    public RepositoryLockedException(string repository, string holder, DateTimeOffset expiresAt)
        : base($"{repository} is being updated by another run ({holder}) until {expiresAt:u} at the latest; this run did not start — it will be picked up by the next schedule")
    {
        Repository = repository;
        Holder = holder;
        ExpiresAt = expiresAt;
    }

    public string Repository { get; }

    public string Holder { get; }

    public DateTimeOffset ExpiresAt { get; }
}
