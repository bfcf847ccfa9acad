using System.Text.Json;
using Tidemark.IntegrationTests.Cli;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Charts;

/// <summary><c>plan --write</c> over a chart's <c>Chart.yaml</c> dependencies: one from the real HTTP Helm repository, one from the real registry as an OCI chart.</summary>
public sealed class ChartDependencyPlanTests(ChartScene scene) : IClassFixture<ChartScene>, IDisposable
{
    private readonly string repo = Directory.CreateTempSubdirectory("tidemark-chart-deps-").FullName;

    private readonly string config = ExampleRepository.WriteOperatorConfig(Path.Combine(Path.GetTempPath(), $"tidemark-operator-{Guid.NewGuid():N}.yaml"), scene.Registry.Host);

    public void Dispose()
    {
        Directory.Delete(repo, recursive: true);
        File.Delete(config);
    }

    [Fact]
    public async Task Plan_ChartYamlDependencies_AreLookedUpAndEditedInPlace()
    {
        var chart = $"""
            apiVersion: v2
            name: shop
            version: 1.0.0 # the chart's own version
            dependencies:
              - name: redis
                version: 18.1.0
                repository: {scene.Helm.Url}
              - name: podinfo
                alias: web
                version: "6.5.0"
                repository: oci://ghcr.io/stefanprodan/charts
              - name: common
                version: 0.1.0
                repository: file://../common
            """;
        var path = Path.Combine(repo, "charts", "shop", "Chart.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, chart);

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "json", "--write");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var changes = json.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("image").GetString()!, c => (c.GetProperty("from").GetString(), c.GetProperty("to").GetString()));
        Assert.Equal(("18.1.0", "18.6.4"), changes[$"{scene.Helm.Url}/redis"]);
        Assert.Equal(("6.5.0", "6.7.1"), changes["ghcr.io/stefanprodan/charts/podinfo"]);
        Assert.Equal(2, changes.Count);
        Assert.Contains(json.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("reason").GetString()!.Contains("dependency common is a local chart (file://../common)", StringComparison.Ordinal));
        Assert.Equal(chart.Replace("version: 18.1.0", "version: 18.6.4", StringComparison.Ordinal).Replace("version: \"6.5.0\"", "version: \"6.7.1\"", StringComparison.Ordinal),
            await File.ReadAllTextAsync(path));
    }
}
