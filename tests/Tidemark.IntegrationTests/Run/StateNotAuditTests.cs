using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Automation;
using Tidemark.Cli;
using Tidemark.Cli.Commands;
using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.Git;
using Tidemark.State;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// What a run remembers of earlier runs (who closed a pull request, which commits Tidemark pushed, whether a pause was
/// announced, what a run did with its token) holds in a store shared with many other repositories: 10,000 audit events
/// of other repositories written since change no decision.
/// </summary>
public sealed class StateNotAuditTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private const int Flood = 10_000;

    [Fact]
    public async Task Run_StaleCloseByTidemarkThenAFloodOfOtherRepositories_TheCloseIsStillTidemarksAndTheRevertedUpdatesAreProposedAgain()
    {
        using var scene = await fixture.NewSceneAsync();
        var before = scene.BranchSha("main")!;
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        var stale = scene.Repository.PullRequests.Single().Number;
        await scene.CommitUpdatesToMainAsync();
        Assert.Contains($"closed #{stale}", (await scene.RunAsync()).Out, StringComparison.Ordinal);
        await AuditFlood.WriteAsync(scene.StatePath, Flood);
        await scene.RestoreMainAsync(before);

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.DoesNotContain("declined", run.Out, StringComparison.Ordinal);
        var open = scene.Repository.PullRequests.Single(p => p.State == "open");
        Assert.NotEqual(stale, open.Number);
    }

    [Fact]
    public async Task Run_PushInterruptedThenAFloodOfOtherRepositories_TheCommitTidemarkPushedIsStillItsOwnAndIsReplaced()
    {
        await using var registry = await RunFixture.StartRegistryAsync();
        using var scene = await fixture.NewSceneAsync(registry);
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        var first = scene.BranchSha(RunScene.UpdateBranch);
        await registry.PushTagsAsync("library/busybox", ["1.37.1"]);
        var harness = await PublisherHarness.CreateAsync(scene, [], invocation =>
        {
            if (invocation.Arguments[0] == "push")
            {
                throw new InvalidOperationException("the run was killed before git push");
            }
        });
        using var forge = scene.Forge();
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.PublishAsync(forge));
        Assert.Equal(first, scene.BranchSha(RunScene.UpdateBranch));
        await AuditFlood.WriteAsync(scene.StatePath, Flood);

        var run = await scene.RunAsync("--refresh");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.DoesNotContain("paused", run.Out, StringComparison.Ordinal);
        Assert.NotEqual(first, scene.BranchSha(RunScene.UpdateBranch));
        var pull = scene.Repository.PullRequests.Single();
        Assert.Contains("- busybox: 1.36.1 → 1.37.1", pull.Body!.Split('\n'));
    }

    [Fact]
    public async Task Run_PauseAnnouncedThenAFloodOfOtherRepositories_IsNotAnnouncedAgain()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        await scene.GitHub.CommitAsync(scene.Repository, RunScene.UpdateBranch, new Dictionary<string, string> { ["NOTES.md"] = "pinned for now\n" }, "Keep webhook at 1.17");
        Assert.Contains("pull request: paused", (await scene.RunAsync()).Out, StringComparison.Ordinal);
        await AuditFlood.WriteAsync(scene.StatePath, Flood);

        var again = await scene.RunAsync();

        Assert.True(again.ExitCode == 0, again.Error + again.Out);
        Assert.Contains("pull request: paused", again.Out, StringComparison.Ordinal);
        var pull = scene.Repository.PullRequests.Single();
        Assert.Single(pull.Comments, c => c.Body.Contains("paused", StringComparison.Ordinal));
    }
}
