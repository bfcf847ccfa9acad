using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using Tidemark.Credentials;

namespace Tidemark.State.Postgres;

/// <summary>
/// One PostgreSQL database holding the state: a pooled data source, the one place Npgsql's errors become
/// <see cref="StateStoreException"/>s naming the database (never its password), and the migrations, applied once
/// under a transaction-scoped advisory lock so that runners starting together do not migrate twice. A schema from a
/// newer Tidemark is refused.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The advisory lock key the migrations take: "Tidemark" in ASCII.</summary>
    internal const long MigrationLockKey = 0x546964656D61726B;

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;
    private readonly ISecretRedactor _redactor;

    public PostgresDatabase(PostgresConnectionString connection, TimeProvider time, ISecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _time = time;
        _redactor = redactor;
        Display = connection.Display;
        var builder = new NpgsqlConnectionStringBuilder(connection.Builder.ConnectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "tidemark";
        }

        _source = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The database as messages name it: <c>postgres://tidemark@db:5433/tidemark</c>.</summary>
    public string Display { get; }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> on a pooled connection; a failure of the server becomes a <see cref="StateStoreException"/>.</summary>
    public async Task<T> UseAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw Classify(e);
        }
    }

    public Task UseAsync(Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken) =>
        UseAsync(async connection =>
        {
            await work(connection).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    public Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        UseAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(connection).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    /// <summary>Applies pending migrations once, under <c>pg_advisory_xact_lock</c>; returns the schema version.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(async connection =>
        {
            await DbCommands.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey)).ConfigureAwait(false);
            await DbCommands.ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (current > PostgresMigrations.Latest)
            {
                throw new StateStoreException(StateStoreProblem.NewerSchema, Display, current.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var (version, sql) in PostgresMigrations.All.Where(m => m.Version > current))
            {
                await DbCommands.ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                await DbCommands.ExecuteAsync(connection, "INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)", cancellationToken,
                    ("v", version), ("at", _time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
            }

            return Math.Max(current, PostgresMigrations.Latest);
        }, cancellationToken);

    /// <summary>What <c>tidemark state check</c> reports for PostgreSQL: the schema version and the leases held. Changes nothing.</summary>
    public Task<StateHealth> CheckAsync(CancellationToken cancellationToken) =>
        UseAsync(async connection =>
        {
            var hasVersions = await ExistsAsync(connection, "schema_version", cancellationToken).ConfigureAwait(false);
            var version = hasVersions ? await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false) : 0;
            var leases = await ExistsAsync(connection, "repository_locks", cancellationToken).ConfigureAwait(false)
                ? await DbCommands.QueryAsync(connection, "SELECT repository, owner, expires_at FROM repository_locks ORDER BY repository",
                    r => new RepositoryLease(r.GetString(0), r.GetString(1), DbCommands.Time(r, 2)), cancellationToken).ConfigureAwait(false)
                : [];
            return new StateHealth(Display, [], version, leases);
        }, cancellationToken);

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var rows = await DbCommands.QueryAsync(connection, "SELECT to_regclass(@t) IS NOT NULL", r => r.GetBoolean(0), cancellationToken, ("t", table)).ConfigureAwait(false);
        return rows[0];
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = await DbCommands.QueryAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version", r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <summary>
    /// The server's SQLSTATE tells a refused login or a missing database (bad settings) from a server that does not
    /// answer and from anything else; the detail is redacted, so a password quoted by a server never reaches a message.
    /// </summary>
    private StateStoreException Classify(Exception e)
    {
        var kind = e switch
        {
            PostgresException { SqlState: "28P01" or "28000" or "3D000" or "42501" } => StateStoreProblem.Rejected,
            PostgresException => StateStoreProblem.Failed,
            NpgsqlException { InnerException: SocketException or TimeoutException or IOException } or SocketException or TimeoutException => StateStoreProblem.Unreachable,
            NpgsqlException n when n.Message.Contains("password", StringComparison.OrdinalIgnoreCase) => StateStoreProblem.Rejected,
            NpgsqlException { IsTransient: true } => StateStoreProblem.Unreachable,
            _ => StateStoreProblem.Failed,
        };
        var detail = e is PostgresException p ? p.MessageText : (e.InnerException ?? e).Message;
        return new StateStoreException(kind, Display, _redactor.Redact(detail.Trim().TrimEnd('.')), e);
    }
}
