using System.Text;
using Microsoft.Data.Sqlite;
using Tidemark.State;

namespace Tidemark.IntegrationTests.State;

/// <summary>The SQLite store against the shared contract, plus what only a file database has: migrations, WAL, the bytes on disk.</summary>
public sealed class SqliteStateStoreTests : StateStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tidemark-state-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "nested", "state.db");

    private SqliteStateOptions Options => new(DatabasePath) { LockPollInterval = TimeSpan.FromSeconds(1) };

    private protected override Task<StateStore> OpenStoreAsync() =>
        SqliteStateStore.OpenAsync(Options, Time, Redactor, CancellationToken.None);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Open_NewPath_CreatesFolderAndDatabaseInWalMode()
    {
        await OpenStoreAsync();

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrate_Twice_IsNoOp()
    {
        var database = new SqliteDatabase(Options, Time);

        var first = await database.MigrateAsync(CancellationToken.None);
        var second = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(SqliteMigrations.Latest, first);
        Assert.Equal(first, second);
        Assert.Equal(SqliteMigrations.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task Open_SchemaFromNewerTidemark_IsRefusedClearly()
    {
        await OpenStoreAsync();
        await ScalarAsync("INSERT INTO schema_version (version, applied_at) VALUES (999, 0)");

        var error = await Assert.ThrowsAsync<StateStoreException>(OpenStoreAsync);

        Assert.Contains("newer Tidemark", error.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryWrite_InputsCarryRegisteredSecret_SecretNeverInDatabaseFiles()
    {
        var secret = "gh" + "p_" + Guid.NewGuid().ToString("N") + "Zq9";
        Redactor.Register(secret);
        var store = await OpenStoreAsync();

        await StateWrites.WriteEverythingAsync(store, secret);

        SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(_folder, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("state.db", StringComparison.Ordinal));
        var forms = StateWrites.SecretForms(secret);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 0 || !file.EndsWith(".db", StringComparison.Ordinal));
            foreach (var form in forms)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) < 0, $"a secret form was found in {file}");
            }
        }

        var audit = await store.AuditReader.QueryAsync(new AuditQuery(), default);
        Assert.Contains("[REDACTED]", audit[0].Detail, StringComparison.Ordinal);
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
