using Microsoft.Data.Sqlite;
using Tidemark.Automation;
using Tidemark.Cli;
using Tidemark.Cli.Rendering;
using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Run;

/// <summary>The token ledger counts what each run did with its token, whatever other runs write to the same store meanwhile.</summary>
public sealed class RunTokenLedgerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tidemark-ledger-" + Guid.NewGuid().ToString("N"));

    private string StatePath => Path.Combine(_folder, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Ledger_TwoRunsOfOneTokenInterleavedWithAFlood_EachCountsOnlyItsOwnActions()
    {
        var redactor = new Redactor();
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(StatePath), TimeProvider.System, redactor, CancellationToken.None);
        var value = "ledger-test-" + Guid.NewGuid().ToString("N");
        redactor.Register(value);
        var resolved = new ResolvedToken(value, TokenInspector.Inspect(value), "environment variable GITHUB_TOKEN");
        var source = new EnvironmentTokenSource("GITHUB_TOKEN", new TokenSourceContext(redactor, TimeProvider.System, _ => value));
        var choice = new RunTokenChoice(new RunCredentials(source, resolved), RunTokenChoice.Current, new TokenProbe(true, null, false, null));
        var env = new CliEnvironment(TextWriter.Null, TextWriter.Null, TimeProvider.System, _ => null, ErrorIsTerminal: false);
        var report = new CliRunReport(env);
        var (trailA, trailB) = (Trail(state, choice), Trail(state, choice));
        var a = new RunTokenLedger(TimeProvider.System, report, state, choice, "acme/a", trailA);
        var b = new RunTokenLedger(TimeProvider.System, report, state, choice, "acme/b", trailB);

        await a.BeginAsync(CancellationToken.None);
        await b.BeginAsync(CancellationToken.None);
        await trailA.RecordAsync(AuditActions.GitFetch, "acme/a", AuditOutcomes.Ok, "main 0123456", CancellationToken.None);
        await trailB.RecordAsync(AuditActions.GitFetch, "acme/b", AuditOutcomes.Ok, "main 0123456", CancellationToken.None);
        await trailB.RecordAsync(AuditActions.GitPush, "acme/b@flux-image-updates", AuditOutcomes.Ok, "0123456 (lease new branch)", CancellationToken.None);
        await AuditFlood.WriteAsync(StatePath, 1_500);
        await trailA.RecordAsync(AuditActions.GitPush, "acme/a@flux-image-updates", AuditOutcomes.Ok, "89abcde (lease new branch)", CancellationToken.None);
        await trailA.RecordAsync(AuditActions.PullRequestCreate, "acme/a#1", AuditOutcomes.Ok, "https://github.test/acme/a/pull/1", CancellationToken.None);
        await trailA.RecordAsync(AuditActions.PullRequestComment, "acme/a#1", AuditOutcomes.Failed, "error: boom", CancellationToken.None);
        await a.EndAsync(CancellationToken.None);
        var afterA = (await state.TokenReader.FindTokenAsync(choice.Fingerprint, CancellationToken.None))!.Actions;
        await b.EndAsync(CancellationToken.None);
        var afterB = (await state.TokenReader.FindTokenAsync(choice.Fingerprint, CancellationToken.None))!.Actions;

        Assert.Equal(new Dictionary<string, int> { ["git.fetch"] = 1, ["git.push"] = 1, ["pr.create"] = 1 }, afterA.OrderBy(p => p.Key).ToDictionary());
        Assert.Equal(new Dictionary<string, int> { ["git.fetch"] = 2, ["git.push"] = 2, ["pr.create"] = 1 }, afterB.OrderBy(p => p.Key).ToDictionary());
    }

    private static AuditTrail Trail(StateStore state, RunTokenChoice choice) => new(state.AuditWriter, choice.Fingerprint, null, RunIds.New(TimeProvider.System));
}
