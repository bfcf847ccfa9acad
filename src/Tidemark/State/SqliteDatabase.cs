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

    /// <summary>Creates the file and folder if needed and applies pending migrations; returns the schema version.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);", cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (current > SqliteMigrations.Latest)
        {
            throw new StateStoreException($"the state database {Path} has schema version {current}, written by a newer Tidemark; this Tidemark knows up to version {SqliteMigrations.Latest} — upgrade Tidemark, or point the state path at another file");
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
