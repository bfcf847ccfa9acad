using Tidemark.State;
using Tidemark.State.Postgres;
using Tidemark.Testing.Postgres;

namespace Tidemark.IntegrationTests.State.Postgres;

/// <summary>The PostgreSQL store against the shared contract, plus what only a server database has: migrations under a lock, the secret never in any table, the password never in a message.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStateStoreTests(PostgresFixture fixture) : StateStoreContract, IAsyncLifetime
{
    private string _database = "";

    private LocalPostgres Server => fixture.Server;

    public async Task InitializeAsync() => _database = await Server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private protected override Task<StateStore> OpenStoreAsync() =>
        PostgresStateStore.OpenAsync(new PostgresStateOptions(Server.UrlWithPassword(_database)) { LockPollInterval = TimeSpan.FromSeconds(1) }, Time, Redactor, CancellationToken.None);

    [Fact]
    public async Task Migrate_Twice_IsNoOp()
    {
        await OpenStoreAsync();
        await OpenStoreAsync();

        Assert.Equal(PostgresMigrations.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await Server.ScalarAsync(_database, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(PostgresMigrations.Latest.ToString(System.Globalization.CultureInfo.InvariantCulture), await Server.ScalarAsync(_database, "SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task Open_ManyRunnersAtOnceOnAnEmptyDatabase_MigrateOnce()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(OpenStoreAsync)));

        Assert.Equal(6, opened.Length);
        Assert.Equal(PostgresMigrations.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await Server.ScalarAsync(_database, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void Migrations_SameVersionsAsSqlite()
    {
        Assert.Equal(SqliteMigrations.All.Select(m => m.Version), PostgresMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public async Task Open_SchemaFromNewerTidemark_IsRefusedClearly()
    {
        await OpenStoreAsync();
        await Server.ExecuteAsync(_database, "INSERT INTO schema_version (version, applied_at) VALUES (999, 0)");

        var error = await Assert.ThrowsAsync<StateStoreException>(OpenStoreAsync);

        Assert.Equal(StateStoreProblem.NewerSchema, error.Kind);
        Assert.Contains("schema version 999, written by a newer Tidemark", error.Message, StringComparison.Ordinal);
        Assert.Contains(Server.Url(_database), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_WrongPassword_IsRejectedNamingTheDatabaseNotThePassword()
    {
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        var url = $"postgres://{LocalPostgres.User}:{wrong}@127.0.0.1:{Server.Port}/{_database}";

        var error = await Assert.ThrowsAsync<StateStoreException>(() =>
            PostgresStateStore.OpenAsync(new PostgresStateOptions(url), Time, Redactor, CancellationToken.None));

        Assert.Equal(StateStoreProblem.Rejected, error.Kind);
        Assert.Contains(Server.Url(_database), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("[REDACTED]", Redactor.Redact(wrong));
    }

    [Fact]
    public async Task Open_DatabaseThatDoesNotExist_IsRejected()
    {
        var error = await Assert.ThrowsAsync<StateStoreException>(() =>
            PostgresStateStore.OpenAsync(new PostgresStateOptions(Server.UrlWithPassword("nothing_here")), Time, Redactor, CancellationToken.None));

        Assert.Equal(StateStoreProblem.Rejected, error.Kind);
        Assert.Contains("nothing_here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NobodyListening_IsUnreachable()
    {
        var url = $"postgres://{LocalPostgres.User}@127.0.0.1:{Tidemark.Testing.Ports.Free()}/{_database}?connect_timeout=5";

        var error = await Assert.ThrowsAsync<StateStoreException>(() =>
            PostgresStateStore.OpenAsync(new PostgresStateOptions(url), Time, Redactor, CancellationToken.None));

        Assert.Equal(StateStoreProblem.Unreachable, error.Kind);
        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_KeyValueConnectionString_UsesTheSameDatabase()
    {
        var byUrl = await OpenStoreAsync();
        var id = await byUrl.RunWriter.StartRunAsync(new RunStart("acme/gitops", "schedule"), default);

        var byKeys = await PostgresStateStore.OpenAsync(new PostgresStateOptions(Server.ConnectionString(_database)), Time, Redactor, CancellationToken.None);

        Assert.Equal("acme/gitops", (await byKeys.RunReader.GetRunAsync(id, default))!.Repository);
    }

    [Fact]
    public async Task EveryWrite_InputsCarryRegisteredSecret_SecretInNoTable()
    {
        var secret = "gh" + "p_" + Guid.NewGuid().ToString("N") + "Zq9";
        Redactor.Register(secret);
        var store = await OpenStoreAsync();

        await StateWrites.WriteEverythingAsync(store, secret);

        // every row of every table as text, in one string
        var everything = await Server.ScalarAsync(_database, """
            SELECT string_agg(t::text, E'\n') FROM (
                SELECT row_to_json(x)::text AS t FROM runs x UNION ALL SELECT row_to_json(x)::text FROM decisions x
                UNION ALL SELECT row_to_json(x)::text FROM pull_requests x UNION ALL SELECT row_to_json(x)::text FROM tag_cache x
                UNION ALL SELECT row_to_json(x)::text FROM repository_locks x UNION ALL SELECT row_to_json(x)::text FROM audit_events x
                UNION ALL SELECT row_to_json(x)::text FROM tokens x UNION ALL SELECT row_to_json(x)::text FROM token_actions x
                UNION ALL SELECT row_to_json(x)::text FROM token_rotations x UNION ALL SELECT row_to_json(x)::text FROM token_refusals x
                UNION ALL SELECT row_to_json(x)::text FROM token_expiry_comments x UNION ALL SELECT row_to_json(x)::text FROM pushed_commits x
                UNION ALL SELECT row_to_json(x)::text FROM pull_request_closures x UNION ALL SELECT row_to_json(x)::text FROM announcements x) rows
            """);
        Assert.Contains("[REDACTED]", everything, StringComparison.Ordinal);
        foreach (var form in StateWrites.SecretForms(secret))
        {
            Assert.DoesNotContain(form, everything, StringComparison.Ordinal);
        }
    }
}
