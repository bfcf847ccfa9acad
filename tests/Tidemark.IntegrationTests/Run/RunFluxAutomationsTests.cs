namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// A repository with two Flux ImageUpdateAutomations is two automations, as in Flux: each its own path, update
/// branch and pull request listing only its own changes; a suspended one publishes nothing.
/// </summary>
public sealed class RunFluxAutomationsTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private const string AutomationFile = "clusters/production/image-automation/cert-manager.yaml";

    private const string AppsAutomation = """
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageUpdateAutomation
        metadata:
          name: apps
          namespace: flux-system
        spec:
          interval: 30m
          sourceRef:
            kind: GitRepository
            name: flux-system
          git:
            checkout:
              ref:
                branch: main
            commit:
              author:
                name: fluxcdbot
                email: fluxcdbot@users.noreply.github.com
            push:
              branch: flux-apps-updates
          update:
            path: ./apps
            strategy: Setters

        """;

    [Fact]
    public async Task Run_TwoAutomations_OpensTwoPullRequestsEachWithItsOwnChanges()
    {
        using var scene = await fixture.NewSceneAsync();
        await SplitIntoTwoAutomationsAsync(scene, suspendApps: false);

        var first = await scene.RunAsync();
        var writes = scene.RestWrites();
        var second = await scene.RunAsync();

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        var pulls = scene.Repository.PullRequests.Where(p => p.State == "open").OrderBy(p => p.HeadRef, StringComparer.Ordinal).ToList();
        Assert.Equal(["flux-apps-updates", "flux-image-updates"], pulls.Select(p => p.HeadRef));
        var apps = pulls[0].Body!.Split('\n');
        var infrastructure = pulls[1].Body!.Split('\n');
        Assert.Contains("- ghcr.io/stefanprodan/podinfo: 6.7.0 → 6.9.1", apps);
        Assert.DoesNotContain(apps, line => line.Contains("cert-manager", StringComparison.Ordinal));
        Assert.Contains("- quay.io/jetstack/cert-manager-controller: v1.16.2 → v1.18.2", infrastructure);
        Assert.DoesNotContain(infrastructure, line => line.Contains("podinfo", StringComparison.Ordinal));
        Assert.Contains("ImageUpdateAutomation flux-system/apps (path ./apps)", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error + second.Out);
        Assert.Equal(writes, scene.RestWrites());
        Assert.Equal(2, scene.Repository.PullRequests.Count);
    }

    [Fact]
    public async Task Run_SuspendedAutomation_PublishesNothingForIt()
    {
        using var scene = await fixture.NewSceneAsync();
        await SplitIntoTwoAutomationsAsync(scene, suspendApps: true);

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var pull = Assert.Single(scene.Repository.PullRequests);
        Assert.Equal("flux-image-updates", pull.HeadRef);
        Assert.Null(scene.BranchSha("flux-apps-updates"));
        Assert.Contains("ImageUpdateAutomation flux-system/apps: suspended (spec.suspend: true", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AutomationOnAnotherCheckoutBranch_IsPlannedAndOpenedAgainstThatBranch()
    {
        using var scene = await fixture.NewSceneAsync();
        await scene.EditOnMainAsync("tidemark.yaml", "baseBranch: main\n", "");
        await SplitIntoTwoAutomationsAsync(scene, suspendApps: false, appsBranch: "release");
        await scene.GitHub.CommitAsync(scene.Repository, "release", new Dictionary<string, string> { ["apps/RELEASE.md"] = "release branch\n" }, "Start release", parent: "refs/heads/main");

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var apps = scene.Repository.PullRequests.Single(p => p.HeadRef == "flux-apps-updates");
        var infrastructure = scene.Repository.PullRequests.Single(p => p.HeadRef == "flux-image-updates");
        Assert.Equal(("release", "main"), (apps.BaseRef, infrastructure.BaseRef));
        Assert.Contains("- ghcr.io/stefanprodan/podinfo: 6.7.0 → 6.9.1", apps.Body!.Split('\n'));
        Assert.Contains("main ← flux-image-updates", run.Out, StringComparison.Ordinal);
        Assert.Contains("release ← flux-apps-updates", run.Out, StringComparison.Ordinal);
    }

    /// <summary>The example's one automation (path ./) becomes cert-manager's (./infrastructure) plus one for ./apps.</summary>
    private static async Task SplitIntoTwoAutomationsAsync(RunScene scene, bool suspendApps, string appsBranch = "main")
    {
        var apps = suspendApps ? AppsAutomation.Replace("  interval: 30m\n", "  interval: 30m\n  suspend: true\n", StringComparison.Ordinal) : AppsAutomation;
        apps = apps.Replace("        branch: main\n", $"        branch: {appsBranch}\n", StringComparison.Ordinal);
        await scene.EditOnMainAsync(AutomationFile, "    path: ./\n    strategy: Setters\n", "    path: ./infrastructure\n    strategy: Setters\n" + apps);
    }
}
