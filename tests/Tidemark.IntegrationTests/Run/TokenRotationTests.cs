using System.Text;
using System.Text.Json;
using Tidemark.IntegrationTests.Cli;
using Tidemark.Testing;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// The token's expiry and rotation end to end: real `tidemark run`s against the simulator, both on one fake clock that
/// the tests move forward by days; the simulator stops accepting a token at its <c>ExpiresAt</c>.
/// </summary>
public sealed class TokenRotationTests(TokenLifeFixture fixture) : TokenLifeScenes(fixture), IClassFixture<TokenLifeFixture>
{
    [Fact]
    public async Task Run_TokenExpiringIn20Days_WarnsEveryRunAndCommentsEachThresholdOnceThenRefusesTheExpiredToken()
    {
        var token = github.IssueFineGrainedToken("alice", "alice", [repository.Name], Writer, time.GetUtcNow().AddDays(20));
        var scene = Scene(token);
        var fingerprint = $"fine-grained …{token.Value[^4..]} #";

        var first = await scene.RunAsync();
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.DoesNotContain("expires on", first.Error, StringComparison.Ordinal);
        Assert.Empty(PullRequest().Comments);

        var warnings = new List<string>();
        foreach (var (advance, expectedComments, expectedText) in new[]
        {
            (TimeSpan.FromDays(6.5), 1, "expires on 2026-11-21 (in 13 days)"),
            (TimeSpan.FromHours(2), 1, "(in 13 days)"),
            (TimeSpan.FromDays(7), 2, "(in 6 days)"),
            (TimeSpan.FromHours(3), 2, "(in 6 days)"),
            (TimeSpan.FromDays(6), 3, "(in 7h 0m)"),
            (TimeSpan.FromHours(1), 3, "(in 6h 0m)"),
        })
        {
            time.Advance(advance);
            var run = await scene.RunAsync();

            Assert.True(run.ExitCode == 0, run.Error);
            var warning = Assert.Single(run.Error.Split('\n'), line => line.Contains("expires on", StringComparison.Ordinal));
            Assert.StartsWith($"tidemark: warning: token {fingerprint}", warning, StringComparison.Ordinal);
            Assert.Contains(expectedText, warning, StringComparison.Ordinal);
            Assert.EndsWith("rotate it — docs/token-rotation.md", warning.TrimEnd(), StringComparison.Ordinal);
            Assert.Equal(expectedComments, PullRequest().Comments.Count);
            warnings.Add(warning);
        }

        var comments = PullRequest().Comments.Select(c => c.Body).ToList();
        Assert.Contains("expires in 13 days", comments[0], StringComparison.Ordinal);
        Assert.Contains("expires in 6 days", comments[1], StringComparison.Ordinal);
        Assert.Contains("expires within a day", comments[2], StringComparison.Ordinal);
        Assert.All(comments, body => Assert.DoesNotContain(token.Value, body, StringComparison.Ordinal));
        var audited = await scene.AuditAsync("token.expiry");
        Assert.Equal(6, audited.Count);
        Assert.All(audited, e => Assert.StartsWith(fingerprint, e.TokenFingerprint, StringComparison.Ordinal));

        time.Advance(TimeSpan.FromDays(1));
        var expired = await scene.RunAsync();

        Assert.Equal(1, expired.ExitCode);
        Assert.Contains($"tidemark: error: token {fingerprint}", expired.Error, StringComparison.Ordinal);
        Assert.Contains("expired on 2026-11-21: create a new token", expired.Error, StringComparison.Ordinal);
        Assert.Equal(3, PullRequest().Comments.Count);
        Assert.DoesNotContain(token.Value, string.Join('\n', warnings) + expired.Out + expired.Error, StringComparison.Ordinal);
        Assert.Contains(await scene.AuditAsync("token.expiry"), e => e.Outcome.Name == "failed");
        await AssertNoTokenInFilesAsync(scene.Root, token.Value);
    }

    [Fact]
    public async Task Run_NextTokenRevoked_UsesTheCurrentTokenAndWarnsWithTheReason()
    {
        var current = github.IssueClassicToken("alice", ["repo"]);
        var next = github.IssueFineGrainedToken("alice", "alice", [repository.Name], Writer, time.GetUtcNow().AddDays(90));
        github.Revoke(next);
        var scene = Scene(current);
        scene.Variables["NEXT_GITHUB_TOKEN"] = next.Value;

        var run = await scene.RunAsync("--next-token-env", "NEXT_GITHUB_TOKEN");

        Assert.True(run.ExitCode == 0, run.Error);
        var warning = Assert.Single(run.Error.Split('\n'), line => line.Contains("next token", StringComparison.Ordinal));
        Assert.Contains($"tidemark: warning: the next token (fine-grained …{next.Value[^4..]} #", warning, StringComparison.Ordinal);
        Assert.Contains("does not work yet: GitHub rejected the token", warning, StringComparison.Ordinal);
        Assert.Contains($"using the current token (classic …{current.Value[^4..]} #", warning, StringComparison.Ordinal);
        var pushes = await scene.AuditAsync("git.push");
        Assert.StartsWith($"classic …{current.Value[^4..]} #", Assert.Single(pushes).TokenFingerprint, StringComparison.Ordinal);
        Assert.DoesNotContain(next.Value, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NextTokenWorks_SwitchesToItStatusShowsBothAndWarnsOnceTheOverlapHasPassed()
    {
        var current = github.IssueClassicToken("alice", ["repo"], time.GetUtcNow().AddDays(60));
        var next = github.IssueFineGrainedToken("alice", "alice", [repository.Name], Writer, time.GetUtcNow().AddDays(90));
        var scene = Scene(current);
        scene.Variables["CURRENT_TOKEN"] = current.Value;
        scene.Variables["NEXT_TOKEN"] = next.Value;
        var config = Config(scene, "github:\n  token: { env: CURRENT_TOKEN }\n  nextToken: { env: NEXT_TOKEN }\n  rotationOverlap: 24h\n");
        var currentPrint = $"classic …{current.Value[^4..]} #";
        var nextPrint = $"fine-grained …{next.Value[^4..]} #";
        Assert.Equal(0, (await scene.RunAsync("--dry-run")).ExitCode);

        time.Advance(TimeSpan.FromHours(1));
        var switched = await scene.RunAsync("--config", config);

        Assert.True(switched.ExitCode == 0, switched.Error);
        Assert.Contains($"tidemark: token {nextPrint}", switched.Error, StringComparison.Ordinal);
        Assert.Contains($"current ({currentPrint}", switched.Error, StringComparison.Ordinal);
        Assert.Contains("can be revoked now; remove it from the configuration within 24h 0m", switched.Error, StringComparison.Ordinal);
        Assert.StartsWith(nextPrint, Assert.Single(await scene.AuditAsync("git.push")).TokenFingerprint, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromHours(10));
        var status = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains(currentPrint, status.Out, StringComparison.Ordinal);
        Assert.Contains(nextPrint, status.Out, StringComparison.Ordinal);
        Assert.Contains("Rotation (overlap):", status.Out, StringComparison.Ordinal);
        Assert.Contains("remove it from the configuration within 14h 0m", status.Out, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromHours(15));
        var late = await scene.RunAsync("--config", config);

        Assert.True(late.ExitCode == 0, late.Error);
        var overdue = Assert.Single(late.Error.Split('\n'), line => line.Contains("is still configured", StringComparison.Ordinal));
        Assert.StartsWith($"tidemark: warning: current token ({currentPrint}", overdue, StringComparison.Ordinal);
        var check = await scene.TidemarkAsync("token", "check", "--repo", scene.RemoteUrl, "--api-url", github.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir, "--config", config);
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.True(Doctor.DoctorScene.Shows(check, "next-token", "!"), check.Out);
        Assert.Contains($"current token ({currentPrint}", check.Out, StringComparison.Ordinal);
        Assert.Contains("is still configured", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(next.Value, check.Out + check.Error, StringComparison.Ordinal);
        var json = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath, "--output", "json");
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("overdue", root.GetProperty("rotation").GetProperty("state").GetString());
        var tokens = root.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(["next", "current"], tokens.Select(t => t.GetProperty("role").GetString()));
        Assert.Equal(58, tokens[1].GetProperty("daysLeft").GetInt32());
        var nextFetches = (await scene.AuditAsync("git.fetch")).Count(e => e.TokenFingerprint?.StartsWith(nextPrint, StringComparison.Ordinal) == true && e.Outcome.Name == "ok");
        Assert.True(nextFetches >= 2, $"two runs with the next token fetch at least twice, audited {nextFetches}");
        Assert.Equal(nextFetches, tokens[0].GetProperty("usedFor").GetProperty("git.fetch").GetInt32());
        Assert.DoesNotContain(next.Value, status.Out + json.Out + switched.Error + late.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(current.Value, status.Out + json.Out + switched.Error + late.Error, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromHours(1));
        var promoted = await scene.RunAsync("--token-env", "NEXT_TOKEN");
        var finished = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath, "--output", "json");

        Assert.True(promoted.ExitCode == 0, promoted.Error);
        Assert.DoesNotContain("still configured", promoted.Error, StringComparison.Ordinal);
        Assert.Equal("finished", JsonDocument.Parse(finished.Out).RootElement.GetProperty("rotation").GetProperty("state").GetString());
        await AssertNoTokenInFilesAsync(scene.Root, current.Value, next.Value);
    }

    [Fact]
    public async Task Doctor_TokenExpiredAfterARunRecordedItsExpiry_SaysExpiredOnTheDate()
    {
        var token = github.IssueFineGrainedToken("alice", "alice", [repository.Name], Writer, time.GetUtcNow().AddDays(3));
        var scene = Scene(token);
        var run = await scene.RunAsync("--dry-run");
        time.Advance(TimeSpan.FromDays(4));

        var doctor = await scene.TidemarkAsync("doctor", "--repo", scene.RemoteUrl, "--api-url", github.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir);

        Assert.True(run.ExitCode == 0, run.Error);
        Doctor.DoctorCommandTests.AssertFails(doctor, "token-validity", "Authentication failed: the token expired on 2026-11-04 12:00 UTC", "create a new token");
        Assert.DoesNotContain(token.Value, run.Out + run.Error + doctor.Out + doctor.Error, StringComparison.Ordinal);
        await AssertNoTokenInFilesAsync(scene.Root, token.Value);
    }

    [Fact]
    public async Task Run_ConfigNamesAnUnsetVariable_IsABadInputNamingThePlace()
    {
        var scene = Scene(github.IssueClassicToken("alice", ["repo"]));
        var unset = Config(scene, "github:\n  token: { env: NOT_SET_ANYWHERE }\n");

        var run = await scene.RunAsync("--config", unset);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"tidemark\.yaml:\d+:\d+: github\.token: NOT_SET_ANYWHERE is not set", run.Error);
        Assert.Equal(0, scene.RestWrites());
    }

    [Fact]
    public async Task Run_NextTokenFromAnAppSourceNotAvailable_WarnsWithThePlaceAndUsesTheCurrentToken()
    {
        var scene = Scene(github.IssueClassicToken("alice", ["repo"]));
        var app = Config(scene, "github:\n  nextToken:\n    app: { id: 12345, privateKeyFile: /etc/tidemark/app.pem }\n", "app.yaml");

        var run = await scene.RunAsync("--config", app, "--dry-run");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"warning: the next token cannot be read \(.*app\.yaml:\d+:\d+: github\.nextToken: .*/etc/tidemark/app\.pem", run.Error);
        Assert.Contains($"tidemark: token classic …{scene.Token[^4..]} #", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TokenValueWrittenInTheConfig_IsRefusedWithoutRepeatingIt()
    {
        var token = github.IssueClassicToken("alice", ["repo"]);
        var scene = Scene(token);
        var config = Config(scene, $"github:\n  token: {token.Value}\n");

        var run = await scene.RunAsync("--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"tidemark\.yaml:\d+:10: error \(operator file\): github\.token: expected where to read the token from, not a value", run.Error);
        Assert.DoesNotContain(token.Value, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenStatus_NoStateDatabase_IsABadInputThatNamesThePath()
    {
        var scene = Scene(github.IssueClassicToken("alice", ["repo"]));

        var status = await scene.TidemarkAsync("token", "status", "--state", scene.StatePath);

        Assert.Equal(2, status.ExitCode);
        Assert.Contains(scene.StatePath, status.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(scene.StatePath));
    }

    /// <summary>No file Tidemark wrote (state database with its WAL, clone, git config) holds a token or its basic-auth form.</summary>
    private static async Task AssertNoTokenInFilesAsync(string root, params string[] tokens)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
        Assert.Contains(files, f => f.EndsWith("state.db", StringComparison.Ordinal));
        var forms = tokens.SelectMany(t => new[] { t, Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + t)) }).ToList();
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.All(forms, form => Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) < 0, $"a token form was found in {file}"));
        }
    }

    private SimPullRequest PullRequest() => Assert.Single(repository.PullRequests);

    /// <summary>An operator's --config file: registries sent to the test registry, plus <paramref name="extra"/> (the repository's own tidemark.yaml is layered under it).</summary>
    private string Config(RunScene scene, string extra, string name = "tidemark.yaml") =>
        ExampleRepository.WriteOperatorConfig(Path.Combine(scene.Root, name), RegistryHost, extra);
}
