using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Automation;
using Tidemark.Cli;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Cli;

/// <summary>`tidemark audit` over a real SQLite state database written at known times with a fake clock.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 12, 0, 0, TimeSpan.Zero);
    private readonly string root = Path.Combine(Path.GetTempPath(), $"tidemark-audit-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider time = new(Start);

    private string StatePath => Path.Combine(root, "state.db");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Audit_Filters_BySinceActionPrefixOutcomeAndLimit()
    {
        await WriteEventsAsync();

        Assert.Equal(["pr.comment", "git.push", "pr.create"], Actions(await AuditAsync("--since", "24h")));
        Assert.Equal(["pr.comment", "git.push"], Actions(await AuditAsync("--since", "30m")));
        Assert.Equal(["pr.comment", "git.push", "pr.create", "git.push"], Actions(await AuditAsync("--since", "11d")));
        Assert.Equal(["pr.comment", "pr.create"], Actions(await AuditAsync("--action", "pr.")));
        Assert.Equal(["git.push", "git.push"], Actions(await AuditAsync("--action", "git.push")));
        Assert.Equal(["git.push"], Actions(await AuditAsync("--outcome", "denied")));
        Assert.Equal(["pr.comment"], Actions(await AuditAsync("--limit", "1")));
        Assert.Equal(["pr.comment"], Actions(await AuditAsync("--action", "pr.", "--outcome", "failed")));
    }

    [Fact]
    public async Task Audit_Filters_ByRepositoryAndRun()
    {
        await WriteEventsAsync();
        var store = await SqliteStateStore.OpenAsync(new SqliteStateOptions(StatePath), time, new Redactor(), CancellationToken.None);
        await new AuditTrail(store.AuditWriter, null, null, "20261126T115000Z-00000b").RecordAsync(AuditActions.GitFetch, "acme/gitops-two", AuditOutcomes.Ok, "main 0123456", CancellationToken.None);

        Assert.Equal(["pr.comment", "git.push", "pr.create", "git.push"], Actions(await AuditAsync("--repo", "acme/gitops")));
        Assert.Equal(["git.fetch"], Actions(await AuditAsync("--repo", "acme/gitops-two")));
        Assert.Equal(["git.fetch", "pr.comment", "git.push"], Actions(await AuditAsync("--run", "20261126T115000Z-00000b")));
        Assert.Equal(["pr.comment", "git.push"], Actions(await AuditAsync("--run", "20261126T115000Z-00000b", "--repo", "acme/gitops")));
        Assert.Empty(await AuditAsync("--repo", "acme/other"));
        var table = await RunAsync("audit", "--state", StatePath, "--run", "20261126T115000Z-00000b");
        Assert.Contains("RUN", table.Out, StringComparison.Ordinal);
        Assert.Contains("20261126T115000Z-00000b", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Json_IsAnArrayOfEventsWithTheDocumentedFields()
    {
        await WriteEventsAsync();

        var events = await AuditAsync("--outcome", "denied");

        var e = Assert.Single(events);
        Assert.Equal(["id", "time", "action", "target", "outcome", "token", "detail", "run"], e.EnumerateObject().Select(p => p.Name));
        Assert.Equal("20261126T115000Z-00000b", e.GetProperty("run").GetString());
        Assert.Equal("2026-11-26T11:50:00Z", e.GetProperty("time").GetString());
        Assert.Equal(("git.push", "acme/gitops@flux-image-updates", "denied", "classic …wxyz #a1b2c3", "3f2c1a0 protected-branch: refused"),
            (e.GetProperty("action").GetString(), e.GetProperty("target").GetString(), e.GetProperty("outcome").GetString(), e.GetProperty("token").GetString(), e.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Audit_NoStateDatabase_ExitsTwoNamingThePathAndTheFix()
    {
        var missing = Path.Combine(root, "nowhere.db");

        var run = await RunAsync("audit", "--state", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"no state database at {missing}: run `tidemark run` first", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("--action", "git.pull", "--action git.pull: not an audit action; use one of registry.list, git.fetch")]
    [InlineData("--action", "deploy.", "--action deploy.: no audit action starts with it; prefixes are registry., git., pr., branch., token.")]
    [InlineData("--since", "yesterday", "--since yesterday: write a duration such as 90s, 10m, 1h30m or 7d")]
    [InlineData("--limit", "0", "--limit 0: give a number of events of at least 1")]
    [InlineData("--repo", "acme/gitops#7", "--repo acme/gitops#7: write the repository as OWNER/NAME, e.g. --repo acme/gitops")]
    [InlineData("--repo", "gitops", "--repo gitops: write the repository as OWNER/NAME")]
    [InlineData("--run", "run 1", "--run run 1: give a run id as the RUN column of `tidemark audit` shows it")]
    public async Task Audit_BadFilter_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        await WriteEventsAsync();

        var run = await RunAsync("audit", "--state", StatePath, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogFormat_UnknownInTheEnvironment_ExitsTwoNamingTheVariable()
    {
        var env = new CliEnvironment(new StringWriter(), new StringWriter(), time, name => name == "TIDEMARK_LOG_FORMAT" ? "xml" : null, ErrorIsTerminal: false);

        var code = await TidemarkApp.RunAsync(["audit", "--state", StatePath], env, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("TIDEMARK_LOG_FORMAT=xml: write text or json", env.Error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Ten days ago a push; two hours ago a pull request (one run); ten minutes ago a denied push and a failed comment (another run); now is the end.</summary>
    private async Task WriteEventsAsync()
    {
        var store = await SqliteStateStore.OpenAsync(new SqliteStateOptions(StatePath), time, new Redactor(), CancellationToken.None);
        var trail = new AuditTrail(store.AuditWriter, "classic …wxyz #a1b2c3", null, "20261116T120000Z-00000a");
        await trail.RecordAsync(AuditActions.GitPush, "acme/gitops@flux-image-updates", AuditOutcomes.Ok, "9e8d7c6 (lease new branch)", CancellationToken.None);
        time.Advance(TimeSpan.FromDays(10) - TimeSpan.FromHours(2));
        await trail.RecordAsync(AuditActions.PullRequestCreate, "acme/gitops#7", AuditOutcomes.Ok, "https://github.com/acme/gitops/pull/7", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(110));
        trail = new AuditTrail(store.AuditWriter, "classic …wxyz #a1b2c3", null, "20261126T115000Z-00000b");
        await trail.RecordAsync(AuditActions.GitPush, "acme/gitops@flux-image-updates", AuditOutcomes.Denied, "3f2c1a0 protected-branch: refused", CancellationToken.None);
        await trail.RecordAsync(AuditActions.PullRequestComment, "acme/gitops#7", AuditOutcomes.Failed, "unavailable: no answer", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));
    }

    private async Task<IReadOnlyList<JsonElement>> AuditAsync(params string[] filters)
    {
        var run = await RunAsync(["audit", "--state", StatePath, "--output", "json", .. filters]);
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. JsonDocument.Parse(run.Out).RootElement.EnumerateArray()];
    }

    private async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment(stdout, stderr, time, _ => null, ErrorIsTerminal: false);
        var code = await TidemarkApp.RunAsync(args, env, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static List<string?> Actions(IReadOnlyList<JsonElement> events) => [.. events.Select(e => e.GetProperty("action").GetString())];
}
