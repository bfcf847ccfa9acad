using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tidemark.State;

/// <summary>
/// Opens connections to one SQLite file (created with its folder on first use; WAL; busy timeout; foreign
/// keys) and brings its schema to <see cref="SqliteMigrations.Latest"/>. Migrating twice is a no-op; a
/// schema from a newer Tidemark is refused.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly SqliteStateOptions _options;
    private readonly TimeProvider _time;

    public SqliteDatabase(SqliteStateOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        Path = System.IO.Path.GetFullPath(options.DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
            Pooling = false,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var busy = ((long)_options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync(connection, $"PRAGMA busy_timeout = {busy}; PRAGMA foreign_keys = ON;", cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a new connection; any failure of the database file becomes a
    /// <see cref="StateStoreException"/> naming it (the one place SQLite's errors are classified).
    /// </summary>
    public async Task<T> UseAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (IsFileFailure(e))
        {
            throw Classify(e);
        }
    }

    public Task UseAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken) =>
        UseAsync(async connection =>
        {
            await work(connection).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Creates the file and folder if needed and applies pending migrations; returns the schema version.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        RequireUsablePath();
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException(StateStoreProblem.MissingFolder, Path, e.Message, e);
        }

        return await UseAsync(async connection =>
        {
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            await RequireIntactAsync(connection, cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);", cancellationToken).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (current > SqliteMigrations.Latest)
            {
                throw new StateStoreException(StateStoreProblem.NewerSchema, Path, current.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var (version, sql) in SqliteMigrations.All.Where(m => m.Version > current))
            {
                await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                await using var record = connection.CreateCommand();
                record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at)";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeMilliseconds());
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return Math.Max(current, SqliteMigrations.Latest);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What <c>tidemark state check</c> reports: SQLite's integrity_check, the schema version, the lease holders. Never creates or changes the file.</summary>
    public async Task<StateHealth> CheckAsync(CancellationToken cancellationToken)
    {
        RequireUsablePath();
        if (!File.Exists(Path))
        {
            throw new StateStoreException(StateStoreProblem.Missing, Path);
        }

        var readOnly = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
        try
        {
            await using var connection = new SqliteConnection(readOnly);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var integrity = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA integrity_check(20)";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    integrity.Add(reader.GetString(0));
                }
            }

            var hasVersions = await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", cancellationToken).ConfigureAwait(false) > 0;
            var version = hasVersions ? await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false) : 0;
            var hasLocks = await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'repository_locks'", cancellationToken).ConfigureAwait(false) > 0;
            var leases = new List<RepositoryLease>();
            if (hasLocks)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT repository, owner, expires_at FROM repository_locks ORDER BY repository";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    leases.Add(new RepositoryLease(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
                }
            }

            return new StateHealth(Path, integrity.Count == 1 && integrity[0] == "ok" ? [] : integrity, version, leases);
        }
        catch (Exception e) when (IsFileFailure(e))
        {
            throw Classify(e);
        }
    }

    /// <summary>A folder, or a file in a folder that does not exist and is not created here, is refused before SQLite sees it.</summary>
    private void RequireUsablePath()
    {
        if (Directory.Exists(Path))
        {
            throw new StateStoreException(StateStoreProblem.Directory, Path);
        }
    }

    /// <summary>A truncated or damaged file is found when the store opens, before a run does anything it could not record.</summary>
    private async Task RequireIntactAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (result != "ok")
        {
            throw new StateStoreException(StateStoreProblem.Corrupt, Path, result);
        }
    }

    private static bool IsFileFailure(Exception e) => e is SqliteException or IOException or UnauthorizedAccessException;

    /// <summary>SQLite's result code, and the file system where SQLite only says "cannot open", tell which problem it is.</summary>
    private StateStoreException Classify(Exception e)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var kind = (e as SqliteException)?.SqliteErrorCode switch
        {
            26 => StateStoreProblem.NotADatabase, // SQLITE_NOTADB
            11 => StateStoreProblem.Corrupt, // SQLITE_CORRUPT
            5 or 6 => StateStoreProblem.Locked, // SQLITE_BUSY, SQLITE_LOCKED
            8 or 3 or 23 => FolderWritable(folder) ? StateStoreProblem.ReadOnly : StateStoreProblem.ReadOnlyFolder, // SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH
            14 when Directory.Exists(Path) => StateStoreProblem.Directory, // SQLITE_CANTOPEN
            14 when !Directory.Exists(folder) => StateStoreProblem.MissingFolder,
            14 => File.Exists(Path) && !FileWritable(Path) ? StateStoreProblem.ReadOnly : StateStoreProblem.ReadOnlyFolder,
            _ => StateStoreProblem.Failed,
        };
        var detail = e is SqliteException sqlite ? SqliteMessage(sqlite) : e.Message;
        return new StateStoreException(kind, Path, kind is StateStoreProblem.NotADatabase or StateStoreProblem.ReadOnlyFolder or StateStoreProblem.Directory ? null : detail, e);
    }

    /// <summary>SQLite's own words without Microsoft.Data.Sqlite's "SQLite Error 11: " prefix, e.g. "database disk image is malformed".</summary>
    private static string SqliteMessage(SqliteException e)
    {
        var message = e.Message;
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return (colon >= 0 && message.StartsWith("SQLite Error", StringComparison.Ordinal) ? message[(colon + 2)..] : message).Trim().TrimEnd('.').Trim('\'');
    }

    private static bool FolderWritable(string folder) => Writable(() => File.Create(System.IO.Path.Combine(folder, $".tidemark-probe-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose).Dispose());

    private static bool FileWritable(string file) => Writable(() => new FileStream(file, FileMode.Open, FileAccess.ReadWrite).Dispose());

    private static bool Writable(Action probe)
    {
        try
        {
            probe();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
