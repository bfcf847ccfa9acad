using Tidemark.Credentials;

namespace Tidemark.State;

/// <summary>
/// Opens (creating and migrating as needed) the SQLite state store and hands out its ports.
/// Example: <c>await SqliteStateStore.OpenAsync(new SqliteStateOptions("/var/lib/tidemark/state.db"), TimeProvider.System, redactor, ct)</c>.
/// </summary>
internal static class SqliteStateStore
{
    public static async Task<StateStore> OpenAsync(SqliteStateOptions options, TimeProvider time, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(options, time);
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var runs = new SqliteRunStore(database, time, redactor);
        var pullRequests = new SqlitePullRequestStore(database, time, redactor);
        var tags = new SqliteTagCache(database, time, redactor);
        var audit = new SqliteAuditLog(database, time, redactor);
        var locks = new SqliteRepositoryLock(database, time, redactor, options.LockPollInterval);
        var tokens = new SqliteTokenLedger(database, time, redactor);
        return new StateStore(runs, runs, pullRequests, pullRequests, tags, tags, locks, audit, audit, tokens, tokens);
    }
}
