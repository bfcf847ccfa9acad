using System.Text.Json;
using Tidemark.IntegrationTests.Cli;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Charts;

/// <summary>
/// A lockstep group (<c>tidemark.yaml</c> <c>groups:</c>) over an image and its Helm chart, end to end: the OCI chart
/// <c>ghcr.io/stefanprodan/charts/podinfo</c> (6.5.0, 6.7.1, 7.0.0) and the image <c>ghcr.io/stefanprodan/podinfo</c>
/// (6.5.0, 6.6.0, 6.7.1, 6.8.0) on the real registry, one HelmRelease pinning both. Alone, the image would go to 6.8.0,
/// which the chart does not have; grouped, both move to 6.7.1, in one edit of the file.
/// </summary>
public sealed class ChartGroupTests(ChartScene scene) : IClassFixture<ChartScene>, IAsyncLifetime
{
    private const string Release = """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: podinfo
          namespace: apps
        spec:
          chart:
            spec:
              chart: podinfo
              version: 6.5.0
              sourceRef:
                kind: HelmRepository
                name: podinfo
                namespace: flux-system
          values:
            image:
              repository: ghcr.io/stefanprodan/podinfo
              tag: 6.5.0
        """;

    private const string Source = """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: podinfo
          namespace: flux-system
        spec:
          type: oci
          url: oci://ghcr.io/stefanprodan/charts
        """;

    private readonly string repo = Directory.CreateTempSubdirectory("tidemark-chart-group-").FullName;

    private string config = "";

    public async Task InitializeAsync()
    {
        await scene.Registry.PushTagsAsync("stefanprodan/podinfo", ["6.5.0", "6.6.0", "6.7.1", "6.8.0"]);
        config = ExampleRepository.WriteOperatorConfig(Path.Combine(repo, "..", $"tidemark-operator-{Guid.NewGuid():N}.yaml"), scene.Registry.Host);
        Directory.CreateDirectory(Path.Combine(repo, "apps"));
        Directory.CreateDirectory(Path.Combine(repo, "clusters"));
        await File.WriteAllTextAsync(Path.Combine(repo, "apps", "podinfo.yaml"), Release);
        await File.WriteAllTextAsync(Path.Combine(repo, "clusters", "sources.yaml"), Source);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(repo, recursive: true);
        File.Delete(config);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Plan_ImageAndItsChartInOneGroup_MoveTogetherToTheTagBothHave()
    {
        var alone = await PlanAsync();
        await File.WriteAllTextAsync(Path.Combine(repo, "tidemark.yaml"),
            "version: 1\ngroups:\n  - name: podinfo\n    images: [\"ghcr.io/stefanprodan/podinfo\", \"ghcr.io/stefanprodan/charts/podinfo\"]\n");

        var grouped = await PlanAsync("--write");

        Assert.Equal(("6.8.0", "6.7.1"), (alone["ghcr.io/stefanprodan/podinfo"].To, alone["ghcr.io/stefanprodan/charts/podinfo"].To));
        Assert.Equal(("6.7.1", "podinfo"), (grouped["ghcr.io/stefanprodan/podinfo"].To, grouped["ghcr.io/stefanprodan/podinfo"].Group));
        Assert.Equal(("6.7.1", "podinfo"), (grouped["ghcr.io/stefanprodan/charts/podinfo"].To, grouped["ghcr.io/stefanprodan/charts/podinfo"].Group));
        Assert.Contains("6.8.0 is held back: ghcr.io/stefanprodan/charts/podinfo has no tag 6.8.0", grouped["ghcr.io/stefanprodan/podinfo"].Reason, StringComparison.Ordinal);
        Assert.Equal(Release.Replace("6.5.0", "6.7.1", StringComparison.Ordinal), await File.ReadAllTextAsync(Path.Combine(repo, "apps", "podinfo.yaml")));
        Assert.Equal(Source, await File.ReadAllTextAsync(Path.Combine(repo, "clusters", "sources.yaml")));
    }

    private async Task<Dictionary<string, (string? To, string? Group, string? Reason)>> PlanAsync(params string[] extra)
    {
        var run = await CliRun.RunAsync(["plan", "--repo", repo, "--config", config, "--output", "json", .. extra]);

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Empty(json.GetProperty("errors").EnumerateArray());
        return json.GetProperty("changes").EnumerateArray().ToDictionary(
            c => c.GetProperty("image").GetString()!,
            c => (c.GetProperty("to").GetString(), c.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null, c.GetProperty("reason").GetString()));
    }
}
