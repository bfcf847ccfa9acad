using Tidemark.IntegrationTests.Run;

namespace Tidemark.IntegrationTests.State.Postgres;

/// <summary>The token's life with the state in PostgreSQL (<c>TIDEMARK_STATE</c>), on the simulator's fake clock.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTokenLifeTests(TokenLifeFixture fixture, PostgresFixture postgres) : TokenLifeScenes(fixture), IClassFixture<TokenLifeFixture>
{
    [Fact]
    public async Task Doctor_TokenExpiredAfterARunRecordedItsExpiryInPostgres_SaysExpiredOnTheDate()
    {
        var token = github.IssueFineGrainedToken("alice", "alice", [repository.Name], Writer, time.GetUtcNow().AddDays(3));
        var scene = Scene(token);
        scene.Variables["TIDEMARK_STATE"] = postgres.Server.UrlWithPassword(await postgres.Server.CreateDatabaseAsync());
        var run = await scene.RunAsync("--dry-run");
        time.Advance(TimeSpan.FromDays(4));

        var doctor = await scene.TidemarkAsync("doctor", "--repo", scene.RemoteUrl, "--api-url", github.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir);

        Assert.True(run.ExitCode == 0, run.Error);
        Doctor.DoctorCommandTests.AssertFails(doctor, "token-validity", "Authentication failed: the token expired on 2026-11-04 12:00 UTC", "create a new token");
        Assert.False(File.Exists(scene.StatePath));
        Assert.DoesNotContain(postgres.Server.Password, run.Out + run.Error + doctor.Out + doctor.Error, StringComparison.Ordinal);
    }
}
