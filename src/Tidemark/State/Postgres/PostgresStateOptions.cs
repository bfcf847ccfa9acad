namespace Tidemark.State.Postgres;

/// <summary>Which PostgreSQL database holds the state (a URL or an Npgsql key=value string; see <see cref="PostgresConnectionString"/>).</summary>
internal sealed record PostgresStateOptions(string ConnectionString)
{
    /// <summary>How often a waiting <see cref="IRepositoryLock.AcquireAsync"/> looks again.</summary>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Never prints the connection string: it may hold a password.</summary>
    public override string ToString() => nameof(PostgresStateOptions);
}
