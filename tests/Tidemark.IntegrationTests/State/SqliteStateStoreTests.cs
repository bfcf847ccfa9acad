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

    [Fact]
    public async Task Open_DatabaseOfSchema3_BackfillsPushesClosesAndPausesFromTheAuditLogOnce()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await ScalarAsync("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
        foreach (var (version, sql) in SqliteMigrations.All.Where(m => m.Version <= 3))
        {
            await ScalarAsync(sql);
            await ScalarAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({version}, 0)");
        }

        await ScalarAsync("""
            INSERT INTO audit_events (at, token_fingerprint, action, target, outcome, detail) VALUES
                (1000, 'fp', 'git.push', 'acme/gitops@flux-image-updates', 'ok', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (lease new branch)'),
                (2000, 'fp', 'git.push', 'acme/gitops@flux-image-updates', 'denied', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb protected-branch: no'),
                (3000, 'fp', 'git.push', 'acme/other@flux-image-updates', 'ok', 'cccccccccccccccccccccccccccccccccccccccc (lease aaaa)'),
                (4000, 'fp', 'pr.close', 'acme/gitops#7', 'ok', 'stale: the base already has the updates'),
                (5000, 'fp', 'pr.close', 'acme/gitops#9', 'failed', 'server-error: 502'),
                (6000, 'fp', 'pr.comment', 'acme/gitops#8', 'ok', 'paused: 1234567 by Bob <bob@example.com> "pin"'),
                (7000, 'fp', 'pr.comment', 'acme/gitops#8', 'ok', 'token.expiry 7 days');
            INSERT INTO pull_requests (repository, update_branch, number, url, state, targets, closed_by_person, last_pushed_sha, updated_at) VALUES
                ('acme/gitops', 'flux-image-updates', 8, NULL, 'Open', '{}', 0, NULL, 6000),
                ('acme/person', 'flux-image-updates', 3, NULL, 'Closed', '{}', 1, NULL, 8000),
                ('acme/merged', 'flux-image-updates', 4, NULL, 'Merged', '{}', 0, NULL, 9000);
            """);

        var store = await OpenStoreAsync();
        await OpenStoreAsync();

        Assert.Equal(["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], (await store.PushedCommitReader.ListPushedCommitsAsync("acme/gitops", "flux-image-updates", default)).Select(p => p.Sha));
        Assert.Equal(["cccccccccccccccccccccccccccccccccccccccc"], (await store.PushedCommitReader.ListPushedCommitsAsync("acme/other", "flux-image-updates", default)).Select(p => p.Sha));
        Assert.Equal(new PullRequestClosure("acme/gitops", "", 7, ClosedBy.Tidemark, "stale: the base already has the updates") { At = DateTimeOffset.FromUnixTimeMilliseconds(4000) },
            await store.ClosureReader.FindClosureAsync("acme/gitops", 7, default));
        Assert.Null(await store.ClosureReader.FindClosureAsync("acme/gitops", 9, default));
        Assert.Equal(ClosedBy.Person, (await store.ClosureReader.FindClosureAsync("acme/person", 3, default))!.ClosedBy);
        Assert.Equal(ClosedBy.Merge, (await store.ClosureReader.FindClosureAsync("acme/merged", 4, default))!.ClosedBy);
        Assert.True(await store.AnnouncementReader.WasAnnouncedAsync("acme/gitops", "flux-image-updates", AnnouncementKind.Pause, "8", default));
        Assert.Equal("1", await ScalarAsync("SELECT COUNT(*) FROM announcements"));
        Assert.Equal(SqliteMigrations.Latest.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync("SELECT MAX(version) FROM schema_version"));
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
