using System.Text;
using Tidemark.Automation;
using Tidemark.Forges;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Run;

/// <summary>Runs that were interrupted, declined or handed a bad token, and where the token may and may not go.</summary>
public sealed class RunConvergenceTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Publish_KilledAfterPushBeforePullRequest_NextRunOpensOnePullRequestWithoutPushingAgain()
    {
        using var scene = await fixture.NewSceneAsync();
        var harness = await PublisherHarness.CreateAsync(scene, []);
        using var forge = scene.Forge();
        await Assert.ThrowsAsync<ForgeException>(() => harness.PublishAsync(new CrashingForge(forge)));
        var pushed = scene.BranchSha(RunScene.UpdateBranch);
        Assert.NotNull(pushed);
        Assert.Empty(scene.Repository.PullRequests);

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal(pushed, scene.BranchSha(RunScene.UpdateBranch));
        var pull = Assert.Single(scene.Repository.PullRequests);
        Assert.Equal(pushed, pull.HeadSha);
        Assert.Contains("nothing to push", run.Out, StringComparison.Ordinal);
        Assert.Contains($"created #{pull.Number}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_KilledAfterThePullRequestWriteBeforeRecording_NextRunChangesNothingAndMakesNoDuplicate()
    {
        using var scene = await fixture.NewSceneAsync();
        var harness = await PublisherHarness.CreateAsync(scene, []);
        using var forge = scene.Forge();
        await Assert.ThrowsAsync<ForgeException>(() => harness.PublishAsync(new CrashingForge(forge, afterEnsure: true)));
        var pushed = scene.BranchSha(RunScene.UpdateBranch);
        var pull = Assert.Single(scene.Repository.PullRequests);
        var writes = scene.RestWrites();

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal(pushed, scene.BranchSha(RunScene.UpdateBranch));
        Assert.Equal(pull.Number, Assert.Single(scene.Repository.PullRequests).Number);
        Assert.Equal(writes, scene.RestWrites());
        Assert.Contains($"unchanged #{pull.Number}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_BranchPushedByEarlierTidemarkWithoutState_IsRecognisedAndGetsItsPullRequest()
    {
        using var scene = await fixture.NewSceneAsync();
        var harness = await PublisherHarness.CreateAsync(scene, []);
        using var forge = scene.Forge();
        await Assert.ThrowsAsync<ForgeException>(() => harness.PublishAsync(new CrashingForge(forge)));
        var fresh = await SqliteStateStore.OpenAsync(new SqliteStateOptions(Path.Combine(scene.Root, "other-state.db")), TimeProvider.System, new Redactor(), CancellationToken.None);

        var outcome = await harness.PublishAsync(forge, fresh);

        Assert.Equal((PublishAction.Created, false), (outcome.Action, outcome.Pushed));
        Assert.Single(scene.Repository.PullRequests);
    }

    [Fact]
    public async Task Publish_UnderTheRunsLease_LeavesTheLeaseHeldForWhatTheRunRecordsAfter()
    {
        using var scene = await fixture.NewSceneAsync();
        var harness = await PublisherHarness.CreateAsync(scene, []);
        using var forge = scene.Forge();
        var owner = LeaseOwner.For("run");
        var lease = await harness.State.Locks.AcquireAsync(harness.Settings.Repository, owner, TimeSpan.FromMinutes(15), TimeSpan.Zero, CancellationToken.None);

        var outcome = await new Publisher(harness.Git, forge, harness.State).PublishAsync(harness.Plan, harness.Settings, lease, CancellationToken.None);

        Assert.Equal(PublishAction.Created, outcome.Action);
        // the publisher neither took the lease again nor released it: another run (or the same owner) still cannot have it
        Assert.Null(await harness.State.Locks.TryAcquireAsync(harness.Settings.Repository, LeaseOwner.For("run"), TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.Null(await harness.State.Locks.TryAcquireAsync(harness.Settings.Repository, owner, TimeSpan.FromMinutes(15), CancellationToken.None));
        await harness.State.Locks.ReleaseAsync(lease, CancellationToken.None);
        Assert.NotNull(await harness.State.Locks.TryAcquireAsync(harness.Settings.Repository, LeaseOwner.For("run"), TimeSpan.FromMinutes(15), CancellationToken.None));
    }

    [Fact]
    public async Task Publish_LeaseOnAnotherRepository_IsRefusedBeforeAnything()
    {
        using var scene = await fixture.NewSceneAsync();
        var harness = await PublisherHarness.CreateAsync(scene, []);
        using var forge = scene.Forge();
        var other = await harness.State.Locks.AcquireAsync("acme/other", LeaseOwner.For("run"), TimeSpan.FromMinutes(15), TimeSpan.Zero, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => new Publisher(harness.Git, forge, harness.State).PublishAsync(harness.Plan, harness.Settings, other, CancellationToken.None));

        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Empty(scene.Repository.PullRequests);
    }

    [Fact]
    public async Task Run_DeclinedThenNewerTag_OpensANewPullRequestForTheNewTargets()
    {
        await using var registry = await RunFixture.StartRegistryAsync();
        using var scene = await fixture.NewSceneAsync(registry);
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        var declined = scene.Repository.PullRequests.Single().Number;
        await scene.CloseAsPersonAsync(declined);
        await registry.PushTagsAsync("library/busybox", ["1.37.1"]);

        var run = await scene.RunAsync("--refresh");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var open = scene.Repository.PullRequests.Single(p => p.State == "open");
        Assert.NotEqual(declined, open.Number);
        Assert.Contains("- busybox: 1.36.1 → 1.37.1", open.Body!.Split('\n'));
    }

    [Fact]
    public async Task Publish_WholeLoop_TokenInNoArgumentFileStateOrText()
    {
        using var scene = await fixture.NewSceneAsync();
        var invocations = new List<GitInvocation>();
        var harness = await PublisherHarness.CreateAsync(scene, invocations);
        using var forge = scene.Forge();
        var outcome = await harness.PublishAsync(forge);
        await scene.CommitUpdatesToMainAsync();
        var cli = await scene.RunAsync();

        Assert.Equal(PublishAction.Created, outcome.Action);
        Assert.Contains("closed #", cli.Out, StringComparison.Ordinal);
        Assert.NotEmpty(invocations);
        Assert.Contains(invocations, i => i.Arguments[0] == "push" && i.EnvironmentNames.Contains(GitAuth.TokenVariable));
        Assert.All(invocations.SelectMany(i => i.Arguments), a => Assert.DoesNotContain(scene.Token, a, StringComparison.Ordinal));
        Assert.DoesNotContain(scene.Token, cli.Out + cli.Error, StringComparison.Ordinal);
        Assert.All(scene.Repository.PullRequests, p => Assert.DoesNotContain(scene.Token, p.Body ?? "", StringComparison.Ordinal));
        var files = Directory.EnumerateFiles(scene.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
        Assert.Contains(scene.StatePath, files);
        Assert.Contains(files, f => f.EndsWith(Path.Combine(".git", "config"), StringComparison.Ordinal));
        var forms = new[] { scene.Token, Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + scene.Token)) };
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.All(forms, form => Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) < 0, $"a token form was found in {file}"));
        }
    }

    [Fact]
    public async Task Run_RevokedToken_ExitsOneWithTheClassifiedMessageAndNoToken()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync("--dry-run")).ExitCode);
        scene.GitHub.Revoke(scene.SimToken);

        var run = await scene.RunAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GitHub rejected the token", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Token, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TokenFileWithTwoLines_IsRefusedAsBadInput()
    {
        using var scene = await fixture.NewSceneAsync();
        Directory.CreateDirectory(scene.Root);
        var file = Path.Combine(scene.Root, "token");
        await File.WriteAllTextAsync(file, scene.Token + "\nsecond-line\n");

        var run = await scene.RunAsync("--token-file", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("store the token on one line with nothing else in it", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Token, run.Out + run.Error, StringComparison.Ordinal);
    }
}
