using Tidemark.Forges;

namespace Tidemark.IntegrationTests.Run;

/// <summary>`tidemark run` end to end: the real registry, the GitHub simulator and real git, in-process CLI.</summary>
public sealed class RunCommandTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private const string ControllerLine = "- quay.io/jetstack/cert-manager-controller: v1.16.2 → v1.18.2";
    private const string ChangeTextSentence = "\n\nThis update was automatically applied based on the configured semver policy.\nOnly non-breaking changes (patch and minor versions) are auto-applied.\n";

    [Fact]
    public async Task Run_FirstTime_PushesTheBranchAndOpensThePullRequest()
    {
        using var scene = await fixture.NewSceneAsync();

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        using var forge = scene.Forge();
        var pull = await forge.FindOpenPullRequestAsync(RunScene.UpdateBranch, "main", CancellationToken.None);
        Assert.NotNull(pull);
        Assert.Equal("chore: automated image updates for non-breaking changes", pull.Title);
        var lines = pull.Body.Split('\n');
        Assert.Contains(ControllerLine, lines);
        Assert.Contains("- quay.io/jetstack/cert-manager-webhook: v1.16.2 → v1.18.2", lines);
        Assert.Contains(ChangeTextSentence, pull.Body, StringComparison.Ordinal);
        Assert.Contains("- bitnami/redis: 8.0.0 — a major update, outside non-breaking", lines);
        Assert.True(lines.Contains("| `infrastructure/cert-manager/deployments.yaml` | 4 |"), pull.Body);
        Assert.Contains("<!-- tidemark: {", pull.Body, StringComparison.Ordinal);
        Assert.Equal(["dependencies", "images"], pull.Labels.Order(StringComparer.Ordinal));
        Assert.Contains($"created #{pull.Number}", run.Out, StringComparison.Ordinal);
        Assert.Contains("branch: pushed", run.Out, StringComparison.Ordinal);
        Assert.Equal(pull.HeadSha, scene.BranchSha(RunScene.UpdateBranch));
        var commit = scene.HeadCommit(RunScene.UpdateBranch).Split('\n');
        Assert.Equal("fluxcdbot <fluxcdbot@users.noreply.github.com>", commit[0]);
        Assert.Contains(ControllerLine, commit);
    }

    [Fact]
    public async Task Run_RegistryFailsForSomeImages_LeavesTheOpenPullRequestWithEveryChangeItHolds()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        var pull = Assert.Single(scene.Repository.PullRequests);
        var (body, sha) = (pull.Body, scene.BranchSha(RunScene.UpdateBranch));
        Assert.Contains("- bitnami/redis: 7.2.4 → 7.4.1", body!.Split('\n'));
        var dead = $"127.0.0.1:{Tidemark.Testing.Ports.Free()}";
        scene.EditOperatorConfig($"  - host: docker.io\n    endpoint: http://{fixture.Registry.Host}\n", $"  - host: docker.io\n    endpoint: http://{dead}\n");

        var run = await scene.RunAsync("--refresh");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("3 images could not be checked: docker.io (3, unreachable)", run.Out, StringComparison.Ordinal);
        Assert.Contains("left as they are (no change they hold is dropped)", run.Out, StringComparison.Ordinal);
        Assert.Contains($"tidemark: error: cannot reach registry docker.io", run.Error, StringComparison.Ordinal);
        Assert.Equal(sha, scene.BranchSha(RunScene.UpdateBranch));
        Assert.Equal(body, Assert.Single(scene.Repository.PullRequests).Body);
    }

    [Fact]
    public async Task Run_CommitSettingsInTidemarkYaml_WinOverFluxAndSignOff()
    {
        using var scene = await fixture.NewSceneAsync(extraConfig: "commit:\n  authorName: Image Bot\n  authorEmail: bot@example.invalid\n  signOff: true\n");

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var commit = scene.HeadCommit(RunScene.UpdateBranch).Split('\n');
        Assert.Equal("Image Bot <bot@example.invalid>", commit[0]);
        Assert.Contains("Signed-off-by: Image Bot <bot@example.invalid>", commit);
        Assert.Contains(ControllerLine, commit);
    }

    [Fact]
    public async Task Run_LocalCloneAsRepo_WorksOnTheRepositoryItsOriginNames()
    {
        using var scene = await fixture.NewSceneAsync();
        var local = Path.Combine(scene.Root, "my-checkout");
        Directory.CreateDirectory(local);
        Assert.Equal(0, Git(local, "init", "--quiet"));
        Assert.Equal(0, Git(local, "remote", "add", "origin", scene.RemoteUrl));

        var run = await scene.RunAsync("--repo", local);

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Single(scene.Repository.PullRequests);
        Assert.Equal([".git"], Directory.EnumerateFileSystemEntries(local).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Run_Twice_SecondRunPushesNothingAndWritesNothing()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        var head = scene.BranchSha(RunScene.UpdateBranch);
        var writes = scene.RestWrites();

        var second = await scene.RunAsync();

        Assert.True(second.ExitCode == 0, second.Error + second.Out);
        Assert.Equal(writes, scene.RestWrites());
        Assert.Equal(head, scene.BranchSha(RunScene.UpdateBranch));
        Assert.Single(await scene.AuditAsync("git.push"));
        Assert.Contains("nothing to push", second.Out, StringComparison.Ordinal);
        Assert.Contains("pull request: unchanged #", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NewerTagPublished_IsSeenAfterTheCacheAndUpdatesTheSamePullRequestWithOnePush()
    {
        await using var registry = await RunFixture.StartRegistryAsync();
        using var scene = await fixture.NewSceneAsync(registry);
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        using var forge = scene.Forge();
        var first = await forge.FindOpenPullRequestAsync(RunScene.UpdateBranch, "main", CancellationToken.None);
        foreach (var name in new[] { "controller", "webhook", "cainjector", "acmesolver" })
        {
            await registry.PushTagsAsync($"jetstack/cert-manager-{name}", ["v1.18.3"]);
        }

        var cached = await scene.RunAsync();
        var pushesWhileCached = (await scene.AuditAsync("git.push")).Count;
        var run = await scene.RunAsync("--refresh");

        Assert.Equal(0, cached.ExitCode);
        Assert.Equal(1, pushesWhileCached);
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var pulls = await forge.FindPullRequestsAsync(RunScene.UpdateBranch, PullRequestStateFilter.All, CancellationToken.None);
        var pull = Assert.Single(pulls);
        Assert.Equal(first!.Number, pull.Number);
        Assert.Contains("- quay.io/jetstack/cert-manager-controller: v1.16.2 → v1.18.3", pull.Body.Split('\n'));
        Assert.DoesNotContain(ControllerLine, pull.Body.Split('\n'));
        Assert.Equal(2, (await scene.AuditAsync("git.push")).Count);
        Assert.Contains($"updated #{pull.Number}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BaseAlreadyHasTheUpdates_ClosesThePullRequestWithACommentAndDeletesTheBranch()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        using var forge = scene.Forge();
        var pull = await forge.FindOpenPullRequestAsync(RunScene.UpdateBranch, "main", CancellationToken.None);
        await scene.CommitUpdatesToMainAsync();

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Null(await forge.FindOpenPullRequestAsync(RunScene.UpdateBranch, "main", CancellationToken.None));
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        var closed = scene.Repository.PullRequests.Single(p => p.Number == pull!.Number);
        Assert.Equal("closed", closed.State);
        Assert.Contains(closed.Comments, c => c.Body.Contains("already has these updates", StringComparison.Ordinal));
        Assert.Contains($"closed #{pull!.Number}", run.Out, StringComparison.Ordinal);
        Assert.Single(await scene.AuditAsync("branch.delete"));

        var again = await scene.RunAsync();
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("pull request: nothing", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PersonCommittedToTheUpdateBranch_PushesNothingReportsItAndCommentsOnce()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        await scene.GitHub.CommitAsync(scene.Repository, RunScene.UpdateBranch, new Dictionary<string, string> { ["NOTES.md"] = "pinned for now\n" }, "Keep webhook at 1.17");
        var head = scene.BranchSha(RunScene.UpdateBranch);

        var run = await scene.RunAsync();
        var again = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal(head, scene.BranchSha(RunScene.UpdateBranch));
        Assert.Contains("pull request: paused", run.Out, StringComparison.Ordinal);
        Assert.Contains("Keep webhook at 1.17", run.Out, StringComparison.Ordinal);
        Assert.Contains("will not overwrite", run.Out, StringComparison.Ordinal);
        Assert.Contains("pull request: paused", again.Out, StringComparison.Ordinal);
        var pull = scene.Repository.PullRequests.Single();
        Assert.Single(pull.Comments, c => c.Body.Contains("paused", StringComparison.Ordinal));
        Assert.Single(await scene.AuditAsync("git.push"));
    }

    [Fact]
    public async Task Run_PersonCommittedThenClosedThePullRequest_PauseEndsAndTheClosedTargetsAreNotProposedAgain()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        await scene.GitHub.CommitAsync(scene.Repository, RunScene.UpdateBranch, new Dictionary<string, string> { ["NOTES.md"] = "pinned for now\n" }, "Keep webhook at 1.17");
        Assert.Contains("pull request: paused", (await scene.RunAsync()).Out, StringComparison.Ordinal);
        await scene.CloseAsPersonAsync(scene.Repository.PullRequests.Single().Number);

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("pull request: declined", run.Out, StringComparison.Ordinal);
        Assert.Single(scene.Repository.PullRequests);
    }

    [Fact]
    public async Task Run_PersonClosedThePullRequest_DoesNotReopenOrRecreateItForTheSameTargets()
    {
        using var scene = await fixture.NewSceneAsync();
        Assert.Equal(0, (await scene.RunAsync()).ExitCode);
        var number = scene.Repository.PullRequests.Single().Number;
        await scene.CloseAsPersonAsync(number);
        var writes = scene.RestWrites();

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal(writes, scene.RestWrites());
        Assert.Equal("closed", Assert.Single(scene.Repository.PullRequests).State);
        Assert.Contains("pull request: declined", run.Out, StringComparison.Ordinal);
        Assert.Contains("closed without merging by a person", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TwoAtOnce_OpenOnePullRequest()
    {
        using var scene = await fixture.NewSceneAsync();

        var runs = await Task.WhenAll(scene.RunAsync(), scene.RunAsync());

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error + r.Out));
        Assert.Single(scene.Repository.PullRequests);
        Assert.Single(await scene.AuditAsync("git.push"));
    }

    [Fact]
    public async Task Run_DryRun_PushesNothingAndWritesNothing()
    {
        using var scene = await fixture.NewSceneAsync();
        var writes = scene.RestWrites();

        var run = await scene.RunAsync("--dry-run");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal(writes, scene.RestWrites());
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Contains("dry run: would push", run.Out, StringComparison.Ordinal);
        Assert.Contains(ControllerLine, run.Out.Split('\n'));
        Assert.Contains("pull request: would open", run.Out.Split('\n'));
        Assert.DoesNotContain("created", run.Out, StringComparison.Ordinal);
    }

    private static int Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = directory;
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
