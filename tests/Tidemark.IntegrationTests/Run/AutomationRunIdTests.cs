using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Automation;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// The run id belongs to the run, not to the CLI: a host that is not <c>tidemark run</c> (as a <c>serve</c> host would)
/// builds its own <see cref="RunHost"/>, calls <see cref="AutomationRun.RunAsync"/>, and still gets one id per run on
/// every audit event, run record and pushed commit the run wrote, and back in the <see cref="RunResult"/>.
/// </summary>
public sealed partial class AutomationRunIdTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task RunAsync_HostedWithoutTheCli_EveryEventRunRecordAndPushedCommitCarriesTheRunIdItReturns()
    {
        using var scene = await fixture.NewSceneAsync();
        var redactor = new Redactor();

        var first = await LibraryRun.RunAsync(scene, redactor);
        await scene.CommitUpdatesToMainAsync();
        var second = await LibraryRun.RunAsync(scene, redactor);

        Assert.Matches(RunIdShape(), first.RunId);
        Assert.Matches(RunIdShape(), second.RunId);
        Assert.NotEqual(first.RunId, second.RunId);
        var state = await SqliteStateStore.OpenExistingAsync(new SqliteStateOptions(scene.StatePath), TimeProvider.System, redactor, CancellationToken.None);
        var events = await state.AuditReader.QueryAsync(new AuditQuery(Limit: 1000), CancellationToken.None);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Contains(e.RunId, new[] { first.RunId, second.RunId }));
        Assert.Contains(events, e => e.RunId == first.RunId && e.Action == AuditActions.GitPush);
        Assert.Contains(events, e => e.RunId == second.RunId && e.Action == AuditActions.PullRequestClose);
        foreach (var result in new[] { first, second })
        {
            var record = await state.RunReader.GetRunAsync(Assert.Single(result.Scopes).Outcome.RunId!.Value, CancellationToken.None);
            Assert.Equal(result.RunId, record!.RunId);
        }

        var pushed = Assert.Single(await state.PushedCommitReader.ListPushedCommitsAsync(scene.Repository.FullName, RunScene.UpdateBranch, CancellationToken.None));
        Assert.Equal(first.RunId, pushed.RunId);
        SqliteConnection.ClearAllPools();
    }

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}$")]
    private static partial Regex RunIdShape();
}
