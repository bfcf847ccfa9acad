using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Credentials;
using Tidemark.Credentials.GitHubApp;
using Tidemark.Git;
using Tidemark.IntegrationTests.GitHub;
using Tidemark.State;
using Tidemark.Testing.GitHub;
using static Tidemark.IntegrationTests.GitHub.RestCalls;

namespace Tidemark.IntegrationTests.Credentials;

/// <summary>
/// The <c>app</c> token source against the GitHub simulator (its App endpoints, its clock shared with the source):
/// the narrowed mint, renewal before expiry, each refusal with the doctor's words, and the audit trail; the key and
/// the minted tokens never appear in messages, audit rows, the state database or git's arguments.
/// </summary>
public sealed class AppTokenSourceTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IDisposable
{
    private static readonly Dictionary<string, string> Writer = new() { ["contents"] = "write", ["pull_requests"] = "write", ["issues"] = "write" };

    private readonly TempFolder folder = new();
    private readonly Redactor redactor = new();
    private readonly List<GitInvocation> invocations = [];
    private StateStore? state;

    private GitHubSimulator GitHub => fixture.GitHub;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Mint_InstallationOnTheOwner_TokenIsNarrowedToTheRepositoryAndTidemarksPermissions()
    {
        var repository = await fixture.NewRepositoryAsync();
        var other = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("narrow-bot", "alice");
        GitHub.Install(app, "alice", null, Writer);
        var source = await SourceAsync(app, repository);

        var token = await source.TokenAsync(CancellationToken.None);

        Assert.Equal("selected", token.RepositorySelection);
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "write", ["pull_requests"] = "write", ["metadata"] = "read" }, token.Permissions);
        Assert.Equal(fixture.Time.GetUtcNow().AddHours(1), token.ExpiresAt);
        Assert.Equal("narrow-bot[bot]", source.LastMint!.BotLogin);
        using var http = new HttpClient { BaseAddress = GitHub.ApiUri };
        var (own, _) = await SendAsync(http, HttpMethod.Get, $"repos/{repository.FullName}", token.Value);
        var (foreign, _) = await SendAsync(http, HttpMethod.Get, $"repos/{other.FullName}", token.Value);
        Assert.Equal(200, (int)own.StatusCode);
        Assert.Equal(404, (int)foreign.StatusCode);
        var audit = await AuditAsync();
        Assert.Equal(("ok", token.Fingerprint.ToString()), (audit.Single().Outcome.Name, audit.Single().TokenFingerprint));
        Assert.StartsWith($"installation …{token.Value[^4..]} #", token.Fingerprint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ClockPassesExpiryMinusFiveMinutes_MintsANewTokenAndGitUsesIt()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("renewing-bot");
        GitHub.Install(app, "alice", [repository.Name], Writer);
        var source = await SourceAsync(app, repository);
        var remote = new GitRemote(GitHub.CloneUri(repository.Owner.Login, repository.Name).AbsoluteUri, repository.FullName);
        var clone = await GitRepository.CloneAsync(Runner(), remote, Path.Combine(folder.Path, "repo"), "main",
            ct => new ValueTask<string>(source.ReadAsync(ct)), fixture.Time, CancellationToken.None);
        var first = await source.ReadAsync(CancellationToken.None);

        fixture.Time.Advance(TimeSpan.FromMinutes(54));
        var stillFirst = await source.ReadAsync(CancellationToken.None);
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        // the old token dies now: git works only if it asks for the renewed one
        GitHub.Revoke(GitHub.FindToken(first)!);
        var heads = await clone.FetchAsync("main", "flux-image-updates", CancellationToken.None);
        var second = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(first, stillFirst);
        Assert.NotEqual(first, second);
        Assert.NotNull(heads.BaseSha);
        Assert.Equal(fixture.Time.GetUtcNow().AddHours(1), source.LastMint!.ExpiresAt);
        Assert.Equal(["ok", "ok"], (await AuditAsync()).Select(a => a.Outcome.Name));
        var arguments = string.Join(' ', invocations.SelectMany(i => i.Arguments));
        Assert.DoesNotContain(first, arguments, StringComparison.Ordinal);
        Assert.DoesNotContain(second, arguments, StringComparison.Ordinal);
        Assert.Contains(invocations, i => i.EnvironmentNames.Contains(GitAuth.TokenVariable) && i.Arguments[0] == "fetch");
        await AssertNoSecretsStoredAsync(app, [first, second]);
    }

    [Fact]
    public async Task Mint_ClockAheadOfGitHub_IsClockSkewMeasuredWithTheDateHeader()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("skewed-bot");
        GitHub.Install(app, "alice", [repository.Name], Writer);
        var ahead = new FakeTimeProvider(fixture.Time.GetUtcNow().AddMinutes(20));
        var source = await SourceAsync(app, repository, time: ahead);

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Contains("App JWT rejected: clock skew of 1200s vs GitHub (Date header", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix NTP or the JWT lifetime", error.Message, StringComparison.Ordinal);
        Assert.Equal("denied", (await AuditAsync()).Single().Outcome.Name);
    }

    [Fact]
    public async Task Mint_KeyOfAnotherApp_IsKeyDoesNotMatchTheApp()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("keyed-bot");
        GitHub.Install(app, "alice", [repository.Name], Writer);
        using var stranger = RSA.Create(2048);
        var source = await SourceAsync(app, repository, pem: stranger.ExportRSAPrivateKeyPem());

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Contains($"App JWT rejected: private key does not match App {app.Id} / wrong App id", error.Message, StringComparison.Ordinal);
        await AssertNoSecretsStoredAsync(app, []);
    }

    [Fact]
    public async Task Mint_UnknownAppId_IsWrongAppId()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("lost-bot");
        var source = await SourceAsync(app, repository, id: "987654321");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Contains("private key does not match App 987654321 / wrong App id (GitHub said: Integration not found)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mint_AppNotInstalledOnTheRepository_Is404WithHowToInstall()
    {
        var repository = await fixture.NewRepositoryAsync();
        var elsewhere = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("absent-bot");
        GitHub.Install(app, "alice", [elsewhere.Name], Writer);
        var source = await SourceAsync(app, repository);

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Contains($"is not installed on {repository.FullName} (or not granted access to it)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Install App", error.Fix, StringComparison.Ordinal);
        Assert.Equal("denied", (await AuditAsync()).Single().Outcome.Name);
    }

    [Fact]
    public async Task Mint_WrongInstallationId_Is404NamingTheInstallation()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("numbered-bot");
        GitHub.Install(app, "alice", [repository.Name], Writer);
        var source = await SourceAsync(app, repository, installation: 424242);

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Contains($"is not installed on {repository.FullName} as installation 424242", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mint_InstallationWithoutPullRequests_Is422NamingTheMissingPermission()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("reader-bot");
        GitHub.Install(app, "alice", [repository.Name], new Dictionary<string, string> { ["contents"] = "write" });
        var source = await SourceAsync(app, repository);

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Contains("the App installation", error.Message, StringComparison.Ordinal);
        Assert.Contains("lacks pull_requests: write (or the owner hasn't accepted updated permissions", error.Message, StringComparison.Ordinal);
        Assert.Equal(AppRefusals.PermissionsFix, error.Fix);
    }

    [Fact]
    public async Task Require_WorkflowsTheInstallationLacks_Is422AtTheNextUse()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("workflow-bot");
        GitHub.Install(app, "alice", [repository.Name], Writer);
        var source = await SourceAsync(app, repository);
        await source.ReadAsync(CancellationToken.None);

        source.Require(AppPermissions.Workflows, "write");
        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Contains("lacks workflows: write", error.Message, StringComparison.Ordinal);
        Assert.Equal(["ok", "denied"], (await AuditAsync()).Select(a => a.Outcome.Name));
    }

    [Fact]
    public async Task Require_WorkflowsTheInstallationHas_MintsAWiderToken()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("workflow-writer-bot");
        GitHub.Install(app, "alice", [repository.Name], new Dictionary<string, string>(Writer) { ["workflows"] = "write" });
        var source = await SourceAsync(app, repository);
        var narrow = await source.TokenAsync(CancellationToken.None);

        source.Require(AppPermissions.Workflows, "write");
        var wide = await source.TokenAsync(CancellationToken.None);

        Assert.False(narrow.Permissions.ContainsKey("workflows"));
        Assert.Equal("write", wide.Permissions["workflows"]);
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("text", "is not a PEM RSA private key")]
    [InlineData("public", "is not a PEM RSA private key")]
    [InlineData("ec", "is not a PEM RSA private key")]
    [InlineData("folder", "is a folder, not a file")]
    public async Task Mint_KeyFileNotAnRsaPrivateKey_SaysSoAndNamesTheFile(string shape, string problem)
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("broken-key-bot-" + shape);
        using var ec = ECDsa.Create();
        var path = shape switch
        {
            "missing" => Path.Combine(folder.Path, "nowhere.pem"),
            "folder" => Directory.CreateDirectory(Path.Combine(folder.Path, "keys")).FullName,
            "text" => folder.Write("key.pem", "not a key\n"),
            "public" => folder.Write("key.pem", app.Key.ExportSubjectPublicKeyInfoPem()),
            _ => folder.Write("key.pem", ec.ExportECPrivateKeyPem()),
        };
        var source = await SourceAsync(app, repository, keyPath: path);

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Equal($"GitHub App key file {path}", error.TokenSource);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal("failed", (await AuditAsync()).Single().Outcome.Name);
    }

    [Theory]
    [InlineData(new[] { "key=/k.pem" }, "needs id=")]
    [InlineData(new[] { "id=12" }, "needs key=")]
    [InlineData(new[] { "id=abc", "key=/k.pem" }, "neither an App ID")]
    [InlineData(new[] { "id=12", "key=/k.pem", "installation=x" }, "not an installation ID")]
    [InlineData(new[] { "id=12", "key=/k.pem", "colour=blue" }, "has no setting 'colour'")]
    [InlineData(new[] { "id=12", "id=13", "key=/k.pem" }, "gives 'id' twice")]
    [InlineData(new[] { "12" }, "is not key=value")]
    public void Create_BadArguments_SaysWhichAndShowsTheUsage(string[] arguments, string problem)
    {
        var context = new TokenSourceContext(redactor, fixture.Time, _ => null) { Target = new TokenTarget(GitHub.ApiUri, "alice", "x") };

        var error = Assert.Throws<TokenSourceException>(() => TokenSourceKinds.Create("app", arguments, context));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains("id=APP_ID|CLIENT_ID key=PEM_FILE", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mint_ClientIdAsIssuer_Works()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("client-id-bot");
        GitHub.Install(app, "alice", [repository.Name], Writer);
        var source = await SourceAsync(app, repository, id: app.ClientId);

        var mint = await source.MintAsync(CancellationToken.None);

        Assert.Equal("client-id-bot", mint.AppSlug);
        Assert.Equal("selected", mint.RepositorySelection);
    }

    private async Task<AppTokenSource> SourceAsync(SimApp app, SimRepository repository, TimeProvider? time = null, string? pem = null, string? id = null, long? installation = null, string? keyPath = null)
    {
        state ??= await SqliteStateStore.OpenAsync(new SqliteStateOptions(StatePath), fixture.Time, redactor, CancellationToken.None);
        var key = keyPath ?? folder.Write("app.pem", pem ?? app.PrivateKeyPem);
        List<string> arguments = [$"id={id ?? app.Id.ToString(CultureInfo.InvariantCulture)}", $"key={key}"];
        if (installation is { } number)
        {
            arguments.Add("installation=" + number.ToString(CultureInfo.InvariantCulture));
        }

        var context = new TokenSourceContext(redactor, time ?? fixture.Time, _ => null)
        {
            Target = new TokenTarget(GitHub.ApiUri, repository.Owner.Login, repository.Name),
            Audit = state.AuditWriter,
        };
        return Assert.IsType<AppTokenSource>(TokenSourceKinds.Create("app", arguments, context));
    }

    private string StatePath => Path.Combine(folder.Path, "state.db");

    private GitRunner Runner() =>
        new(new GitRunnerOptions(Path.Combine(folder.Path, ".home")), redactor, NullLogger<GitRunner>.Instance, invocations.Add);

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync()
    {
        var records = await state!.AuditReader.QueryAsync(new AuditQuery(Action: AuditActions.TokenMint, Limit: 100), CancellationToken.None);
        return [.. records.OrderBy(r => r.Id)];
    }

    /// <summary>Neither the key (any line of it) nor a minted token is in the audit rows or the state database's bytes.</summary>
    private async Task AssertNoSecretsStoredAsync(SimApp app, IReadOnlyList<string> tokens)
    {
        var keyLines = app.PrivateKeyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        var rows = string.Join('\n', (await AuditAsync()).Select(a => $"{a.Target} {a.TokenFingerprint} {a.Detail}"));
        var bytes = string.Join('\n', Directory.EnumerateFiles(folder.Path, "state.db*").Select(f => File.ReadAllText(f)));
        foreach (var secret in tokens.Concat(keyLines))
        {
            Assert.DoesNotContain(secret, rows, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, bytes, StringComparison.Ordinal);
        }
    }
}
