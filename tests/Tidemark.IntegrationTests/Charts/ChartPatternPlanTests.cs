using System.Text.Json;
using Tidemark.IntegrationTests.Cli;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Charts;

/// <summary>
/// <c>refs</c> and <c>plan --write</c> over the chart pins of other tools' files (an Argo CD Application, a helmfile, a
/// values pin): one chart from the real HTTP Helm repository and one from the real registry as an OCI chart each.
/// </summary>
public sealed class ChartPatternPlanTests(ChartScene scene) : IClassFixture<ChartScene>, IDisposable
{
    private readonly string repo = Directory.CreateTempSubdirectory("tidemark-chart-patterns-").FullName;

    private readonly string config = ExampleRepository.WriteOperatorConfig(Path.Combine(Path.GetTempPath(), $"tidemark-operator-{Guid.NewGuid():N}.yaml"), scene.Registry.Host);

    public void Dispose()
    {
        Directory.Delete(repo, recursive: true);
        File.Delete(config);
    }

    [Fact]
    public async Task Plan_ArgoCdApplicationSources_AreLookedUpAndEditedInPlace()
    {
        var application = $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: shop
              namespace: argocd
            spec:
              sources:
                - repoURL: {scene.Helm.Url}
                  chart: redis
                  targetRevision: 18.1.0 # cache
                - repoURL: ghcr.io/stefanprodan/charts
                  chart: podinfo
                  targetRevision: "6.5.0"
                - repoURL: {scene.Helm.Url}
                  chart: cert-manager
                  targetRevision: 1.14.*
                - repoURL: https://github.com/org/config.git
                  targetRevision: HEAD
                  ref: values
            """;
        var path = await WriteAsync("argocd/shop.yaml", application);

        await AssertRefsAsync("argocd-application-chart", 3);
        var json = await PlanAsync();

        AssertRedisAndPodinfoMoved(json);
        Assert.Contains(json.GetProperty("unchanged").EnumerateArray(), u => u.GetProperty("reason").GetString()!.StartsWith("floating: resolved by Argo CD", StringComparison.Ordinal)
            && u.GetProperty("reason").GetString()!.EndsWith("it resolves to 1.14.0 today", StringComparison.Ordinal));
        Assert.Equal(application.Replace("18.1.0 #", "18.6.4 #", StringComparison.Ordinal).Replace("\"6.5.0\"", "\"6.7.1\"", StringComparison.Ordinal), await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Plan_HelmfileReleases_AreLookedUpAndEditedInPlace()
    {
        var helmfile = $"""
            ---
            repositories:
              - name: stable
                url: {scene.Helm.Url}

            releases:
              - name: podinfo
                namespace: apps
                chart: oci://ghcr.io/stefanprodan/charts/podinfo
                version: 6.5.0 # the chart
                values: ['templates/values.yaml.gotmpl']
              - name: cache
                chart: stable/redis
                version: "18.1.0"
              - name: local
                chart: ./charts/app
                version: 0.1.0
            """;
        var path = await WriteAsync("bootstrap/helmfile.yaml", helmfile);

        await AssertRefsAsync("helmfile-release", 2);
        var json = await PlanAsync();

        AssertRedisAndPodinfoMoved(json);
        Assert.Contains(json.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("reason").GetString() == "helmfile release local: chart ./charts/app is a local chart, with no version to look up");
        Assert.Equal(helmfile.Replace("6.5.0 #", "6.7.1 #", StringComparison.Ordinal).Replace("\"18.1.0\"", "\"18.6.4\"", StringComparison.Ordinal), await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Plan_ValuesChartPins_AreLookedUpAndEditedInPlace()
    {
        var values = $"""
            # rendered into Argo CD Applications by the chart's templates
            addons:
              cache:
                repository: {scene.Helm.Url}
                chart: redis
                version: 18.1.0 # cache
              web:
                repository: "oci://ghcr.io/stefanprodan/charts"
                chart: podinfo
                version: '6.5.0'
              certs:
                repository: {scene.Helm.Url}
                chart: cert-manager
                version: ">=1.14.0 <2.0.0"
            """;
        var path = await WriteAsync("charts/platform/values.yaml", values);

        await AssertRefsAsync("helm-values-chart", 3);
        var json = await PlanAsync();

        AssertRedisAndPodinfoMoved(json);
        Assert.Contains(json.GetProperty("unchanged").EnumerateArray(), u => u.GetProperty("reason").GetString()!.EndsWith("it resolves to 1.15.2 today", StringComparison.Ordinal));
        Assert.Equal(values.Replace("18.1.0 #", "18.6.4 #", StringComparison.Ordinal).Replace("'6.5.0'", "'6.7.1'", StringComparison.Ordinal), await File.ReadAllTextAsync(path));
    }

    private async Task<string> WriteAsync(string relative, string content)
    {
        var path = Path.Combine(repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    /// <summary>Every chart <c>refs</c> lists is of <paramref name="kind"/> with artifact <c>helm-chart</c>, and there are <paramref name="count"/>.</summary>
    private async Task AssertRefsAsync(string kind, int count)
    {
        var run = await CliRun.RunAsync("refs", "--repo", repo, "--output", "json");
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var references = JsonDocument.Parse(run.Out).RootElement.GetProperty("references").EnumerateArray().ToList();
        Assert.Equal(count, references.Count);
        Assert.All(references, r => Assert.Equal((kind, "helm-chart"), (r.GetProperty("kind").GetString(), r.GetProperty("artifact").GetString())));
    }

    private async Task<JsonElement> PlanAsync()
    {
        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "json", "--write");
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    /// <summary>The plan moves exactly the HTTP repository's redis 18.1.0 → 18.6.4 and the OCI chart podinfo 6.5.0 → 6.7.1.</summary>
    private void AssertRedisAndPodinfoMoved(JsonElement json)
    {
        var changes = Changes(json);
        Assert.Equal(("18.1.0", "18.6.4"), changes[$"{scene.Helm.Url}/redis"]);
        Assert.Equal(("6.5.0", "6.7.1"), changes["ghcr.io/stefanprodan/charts/podinfo"]);
        Assert.Equal(2, changes.Count);
    }

    private static Dictionary<string, (string?, string?)> Changes(JsonElement json) =>
        json.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("image").GetString()!, c => (c.GetProperty("from").GetString(), c.GetProperty("to").GetString()));
}
