using Tidemark.IntegrationTests.Run;
using Tidemark.Testing;
using Tidemark.Testing.GitHub;
using Tidemark.Testing.Helm;

namespace Tidemark.IntegrationTests.Charts;

/// <summary>
/// <c>tidemark run</c> end to end over the example repository plus HelmReleases and an OCIRepository: the real
/// registry (images, an OCI chart, a Flux artifact), a real HTTP Helm repository, real git and the GitHub simulator.
/// </summary>
public sealed class RunChartsTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Run_ImagesAndCharts_OnePullRequestListsBothInTheirSections()
    {
        var (chartDigests, artifactDigests) = (new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
        await ChartScene.PushAsync(fixture.Registry, chartDigests, artifactDigests);
        await using var helm = await HelmRepositoryServer.StartAsync([("redis", "18.1.0"), ("redis", "18.6.4"), ("cert-manager", "1.14.0"), ("cert-manager", "1.15.2")]);
        var examples = ExampleRepository.Copy();
        ChartScene.WriteFiles(examples, helm.Url, artifactDigests["6.5.0"]);
        var repository = await fixture.GitHub.AddRepositoryAsync("alice", "charts-gitops", new RepositoryOptions { ImportFolder = examples });
        Directory.Delete(examples, recursive: true);
        using var scene = new RunScene(fixture.GitHub, repository, fixture.GitHub.IssueClassicToken("alice", ["repo"]));
        scene.OperatorConfig = ExampleRepository.WriteOperatorConfig(Path.Combine(scene.Root, "operator.yaml"), fixture.Registry.Host);

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var pull = Assert.Single(scene.Repository.PullRequests);
        var lines = pull.Body!.Split('\n');
        var images = Array.IndexOf(lines, "- quay.io/jetstack/cert-manager-controller: v1.16.2 → v1.18.2");
        var section = Array.IndexOf(lines, "Charts and OCI artifacts:");
        Assert.True(images >= 0 && section > images, pull.Body);
        Assert.Equal(
            [
                "- chart podinfo (HelmRelease apps/podinfo): 6.5.0 → 6.7.1",
                "- chart cert-manager (HelmRelease flux-system/cert-manager): 1.14.0 → 1.15.2",
                "- chart redis (HelmRelease apps/redis): 18.1.0 → 18.6.4",
                "- artifact ghcr.io/stefanprodan/manifests/podinfo (OCIRepository flux-system/podinfo-manifests): 6.5.0 → 6.7.1",
            ],
            lines.Skip(section + 2).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.True(lines.Contains("| `apps/charts.yaml` | 3 |"), pull.Body);
        Assert.Equal(1, helm.RequestsFor("/charts/index.yaml"));
        var sources = Show(scene.Repository.GitDirectory, $"refs/heads/{RunScene.UpdateBranch}:clusters/chart-sources.yaml");
        Assert.Contains($"digest: {artifactDigests["6.7.1"]}", sources, StringComparison.Ordinal);
        Assert.Contains("tag: \"6.7.1\"", sources, StringComparison.Ordinal);
    }

    private static string Show(string gitDirectory, string what)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--git-dir", gitDirectory, "show", what })
        {
            start.ArgumentList.Add(argument);
        }
        using var git = System.Diagnostics.Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return output;
    }
}
