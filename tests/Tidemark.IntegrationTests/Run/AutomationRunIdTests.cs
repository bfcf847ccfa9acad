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

        var first = await RunAsync(scene, redactor);
        await scene.CommitUpdatesToMainAsync();
        var second = await RunAsync(scene, redactor);

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

    /// <summary>One run as a non-CLI host runs it: its own clock, variables, redactor, git, state store and forges.</summary>
    private static async Task<RunResult> RunAsync(RunScene scene, Redactor redactor)
    {
        var settings = new RunSettings(scene.RemoteUrl, new FileInfo(scene.OperatorConfig!), false, null, scene.GitHub.ApiUri, scene.StatePath, scene.WorkDir, Path.Combine(scene.Root, "secrets"));
        var logging = NullLoggerFactory.Instance;
        var git = new GitRunner(new GitRunnerOptions(Path.Combine(settings.WorkDirectory, ".home")), redactor, logging.CreateLogger<GitRunner>());
        var host = new RunHost(TimeProvider.System, name => name == "GITHUB_TOKEN" ? scene.Token : null, redactor, logging, SilentRunReport.Instance, null, git,
            ct => SqliteStateStore.OpenAsync(new SqliteStateOptions(scene.StatePath), TimeProvider.System, redactor, ct),
            (api, target) => new ForgePool(TimeProvider.System, logging, api, target.Owner, target.Name));
        return await AutomationRun.RunAsync(settings, host, CancellationToken.None);
    }

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}$")]
    private static partial Regex RunIdShape();
}
