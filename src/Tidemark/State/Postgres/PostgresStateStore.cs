using Tidemark.Credentials;

namespace Tidemark.State.Postgres;

/// <summary>
/// Opens (migrating as needed) the PostgreSQL state store and hands out its ports, like <see cref="SqliteStateStore"/>.
/// Example: <c>await PostgresStateStore.OpenAsync(new PostgresStateOptions("postgres://tidemark@db/tidemark"), TimeProvider.System, redactor, ct)</c>.
/// The database must exist; its tables are created by the first Tidemark that opens it.
/// </summary>
internal static class PostgresStateStore
{
    public static async Task<StateStore> OpenAsync(PostgresStateOptions options, TimeProvider time, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = new PostgresDatabase(PostgresConnectionString.Parse(options.ConnectionString, redactor), time, redactor);
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var runs = new PostgresRunStore(database, time, redactor);
        var pullRequests = new PostgresPullRequestStore(database, time, redactor);
        var tags = new PostgresTagCache(database, time, redactor);
        var audit = new PostgresAuditLog(database, time, redactor);
        var locks = new PostgresRepositoryLock(database, time, redactor, options.LockPollInterval);
        var tokens = new PostgresTokenLedger(database, time, redactor);
        var branches = new PostgresBranchMemory(database, time, redactor);
        return new StateStore(runs, runs, pullRequests, pullRequests, tags, tags, locks, audit, audit, tokens, tokens, branches, branches, branches, branches, branches, branches);
    }
}
