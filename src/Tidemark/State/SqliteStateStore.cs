using Tidemark.Credentials;

namespace Tidemark.State;

/// <summary>
/// Opens (creating and migrating as needed) the SQLite state store and hands out its ports.
/// Example: <c>await SqliteStateStore.OpenAsync(new SqliteStateOptions("/var/lib/tidemark/state.db"), TimeProvider.System, redactor, ct)</c>.
/// </summary>
internal static class SqliteStateStore
{
    /// <summary>For a command that only reads what runs wrote: a missing file is <see cref="StateStoreProblem.Missing"/>, not created.</summary>
    public static Task<StateStore> OpenExistingAsync(SqliteStateOptions options, TimeProvider time, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(options.DatabasePath);
        // A folder in its place goes on to OpenAsync, which names it as one.
        return File.Exists(path) || Directory.Exists(path) ? OpenAsync(options, time, redactor, cancellationToken) : throw new StateStoreException(StateStoreProblem.Missing, path);
    }

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
        var branches = new SqliteBranchMemory(database, time, redactor);
        return new StateStore(runs, runs, pullRequests, pullRequests, tags, tags, locks, audit, audit, tokens, tokens, branches, branches, branches, branches, branches, branches);
    }
}
