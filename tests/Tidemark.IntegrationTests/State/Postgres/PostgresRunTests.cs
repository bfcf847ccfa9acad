using Tidemark.Credentials;
using Tidemark.IntegrationTests.Run;
using Tidemark.State;
using Tidemark.State.Postgres;

namespace Tidemark.IntegrationTests.State.Postgres;

/// <summary>`tidemark run` and the reading commands with <c>--state postgres://…</c> and <c>TIDEMARK_STATE</c>, end to end against the GitHub simulator.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRunTests(PostgresFixture postgres, RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task TwoRunsRaceOnOnePostgresStore_OnePullRequestAndTheAuditRecordedThere()
    {
        using var scene = await fixture.NewSceneAsync();
        var database = await postgres.Server.CreateDatabaseAsync();
        var url = postgres.Server.UrlWithPassword(database);
        string[] second = ["run", "--repo", scene.RemoteUrl, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--work-dir", Path.Combine(scene.Root, "work-2")];

        var runs = await Task.WhenAll(
            scene.RunAsync("--state", url),
            scene.TidemarkWithAsync(new Dictionary<string, string> { [CommonStateVariable] = url }, second));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error + run.Out));
        Assert.Single(scene.Repository.PullRequests);
        var store = await PostgresStateStore.OpenAsync(new PostgresStateOptions(url), TimeProvider.System, new Redactor(), default);
        var created = await store.AuditReader.QueryAsync(new AuditQuery(Action: AuditActions.PullRequestCreate), default);
        Assert.Single(created);
        Assert.NotEmpty(await store.AuditReader.QueryAsync(new AuditQuery(Action: AuditActions.GitPush), default));
        Assert.Equal(2, (await store.RunReader.ListRunsAsync(scene.Repository.FullName, 10, default)).Count);
        Assert.Equal("0", await postgres.Server.ScalarAsync(database, "SELECT COUNT(*) FROM repository_locks"));
        Assert.False(File.Exists(scene.StatePath), "no SQLite file is written when the state is in PostgreSQL");
        Assert.All(runs, run => Assert.DoesNotContain(postgres.Server.Password, run.Out + run.Error, StringComparison.Ordinal));

        var audit = await scene.TidemarkAsync("audit", "--state", url, "--action", AuditActions.PullRequestCreate.Name, "--repo", scene.Repository.FullName);
        var tokens = await scene.TidemarkWithAsync(new Dictionary<string, string> { [CommonStateVariable] = url }, ["token", "status"]);

        Assert.True(audit.ExitCode == 0, audit.Error);
        Assert.Contains(AuditActions.PullRequestCreate.Name, audit.Out, StringComparison.Ordinal);
        Assert.True(tokens.ExitCode == 0, tokens.Error);
        Assert.DoesNotContain(postgres.Server.Password, audit.Out + audit.Error + tokens.Out + tokens.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_BadPostgresUrl_IsBadInputNamingTheFix()
    {
        using var scene = await fixture.NewSceneAsync();
        var password = "pw-" + Guid.NewGuid().ToString("N");

        var run = await scene.TidemarkAsync("audit", "--state", $"postgres://tidemark:{password}@127.0.0.1:5/");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("names no database", run.Error, StringComparison.Ordinal);
        Assert.Contains("postgres://USER@HOST:PORT/DATABASE", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, run.Error + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateCheck_Postgres_ShowsSchemaAndLeasesWithoutThePassword()
    {
        using var scene = await fixture.NewSceneAsync();
        var database = await postgres.Server.CreateDatabaseAsync();
        var url = postgres.Server.UrlWithPassword(database);
        var store = await PostgresStateStore.OpenAsync(new PostgresStateOptions(url), TimeProvider.System, new Redactor(), default);
        await store.Locks.TryAcquireAsync("acme/gitops", "run-a", TimeSpan.FromMinutes(10), default);

        var check = await scene.TidemarkAsync("state", "check", "--state", url);

        Assert.True(check.ExitCode == 0, check.Error + check.Out);
        Assert.Contains(postgres.Server.Url(database), check.Out, StringComparison.Ordinal);
        Assert.Contains("run-a", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(postgres.Server.Password, check.Out + check.Error, StringComparison.Ordinal);
    }

    private const string CommonStateVariable = "TIDEMARK_STATE";
}
