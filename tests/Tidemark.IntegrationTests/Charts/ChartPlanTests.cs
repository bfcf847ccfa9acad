using System.Text.Json;
using Tidemark.IntegrationTests.Cli;
using Tidemark.Registries;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Charts;

/// <summary><c>refs</c> and <c>plan</c> over HelmReleases and an OCIRepository, against the real registry and a real HTTP Helm repository.</summary>
public sealed class ChartPlanTests(ChartScene scene) : IClassFixture<ChartScene>, IDisposable
{
    private readonly string repo = Directory.CreateTempSubdirectory("tidemark-charts-").FullName;

    private readonly string config = ExampleRepository.WriteOperatorConfig(Path.Combine(Path.GetTempPath(), $"tidemark-operator-{Guid.NewGuid():N}.yaml"), scene.Registry.Host);

    public void Dispose()
    {
        Directory.Delete(repo, recursive: true);
        File.Delete(config);
    }

    [Fact]
    public async Task Refs_ChartsAndArtifacts_AreListedWithTheirKindAndArtifact()
    {
        scene.WriteFiles(repo);

        var run = await CliRun.RunAsync("refs", "--repo", repo, "--config", config, "--output", "json");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var references = json.GetProperty("references").EnumerateArray()
            .Select(r => (File: r.GetProperty("file").GetString(), Line: r.GetProperty("line").GetInt32(), Kind: r.GetProperty("kind").GetString(), Artifact: r.GetProperty("artifact").GetString(), Repository: r.GetProperty("repository").GetString(), Tag: r.GetProperty("tag").GetString(), Policy: r.GetProperty("policy").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("apps/charts.yaml", 10, "helmrelease-chart", "helm-chart", "stefanprodan/charts/podinfo", "6.5.0", "non-breaking"),
                ("apps/charts.yaml", 25, "helmrelease-chart", "helm-chart", "redis", "18.1.0", "non-breaking"),
                ("apps/charts.yaml", 37, "helmrelease-chart", "helm-chart", "cert-manager", "1.14.0", "non-breaking"),
                ("apps/charts.yaml", 49, "helmrelease-chart", "helm-chart", "redis", "18.x", "none (floating: resolved by Flux (the chart version is the range \"18.x\"; never pinned))"),
                ("clusters/chart-sources.yaml", 26, "ocirepository", "oci-artifact", "stefanprodan/manifests/podinfo", "6.5.0", "non-breaking"),
                ("clusters/chart-sources.yaml", 37, "ocirepository", "oci-artifact", "stefanprodan/manifests/podinfo", ">=6.0.0 <7.0.0", "none (floating: resolved by Flux (the artifact version is the range \">=6.0.0 <7.0.0\"; never pinned))"),
            ],
            references);
        Assert.Empty(json.GetProperty("skipped").EnumerateArray());
    }

    [Fact]
    public async Task Plan_ChartsAndArtifacts_ProposesEveryUpdateWithOneIndexRequestPerRepository()
    {
        scene.WriteFiles(repo);
        var indexRequests = scene.Helm.RequestsFor("/charts/index.yaml");

        var run = await CliRun.RunAsync("plan", "--repo", repo, "--config", config, "--output", "json", "--write");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal(indexRequests + 1, scene.Helm.RequestsFor("/charts/index.yaml"));
        var json = JsonDocument.Parse(run.Out).RootElement;
        var changes = json.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("image").GetString()!, c => (From: c.GetProperty("from").GetString(), To: c.GetProperty("to").GetString()));
        Assert.Equal(("6.5.0", "6.7.1"), changes["ghcr.io/stefanprodan/charts/podinfo"]);
        Assert.Equal(("6.5.0", "6.7.1"), changes["ghcr.io/stefanprodan/manifests/podinfo"]);
        Assert.Equal(("18.1.0", "18.6.4"), changes[$"{scene.Helm.Url}/redis"]);
        Assert.Equal(("1.14.0", "1.15.2"), changes[$"{scene.Helm.Url}/cert-manager"]);
        Assert.Equal(4, changes.Count);
        Assert.Empty(json.GetProperty("errors").EnumerateArray());
        var floating = json.GetProperty("unchanged").EnumerateArray().ToDictionary(u => u.GetProperty("current").GetString()!, u => u.GetProperty("reason").GetString());
        Assert.Equal("floating: resolved by Flux (the chart version is the range \"18.x\"; never pinned); it resolves to 18.6.4 today", floating["18.x"]);
        Assert.Equal("floating: resolved by Flux (the artifact version is the range \">=6.0.0 <7.0.0\"; never pinned); it resolves to 6.7.1 today", floating[">=6.0.0 <7.0.0"]);

        var releases = ChartScene.Releases.Replace("version: 6.5.0", "version: 6.7.1", StringComparison.Ordinal)
            .Replace("version: \"18.1.0\"", "version: \"18.6.4\"", StringComparison.Ordinal)
            .Replace("version: 1.14.0", "version: 1.15.2", StringComparison.Ordinal);
        Assert.Equal(releases, await File.ReadAllTextAsync(Path.Combine(repo, "apps", "charts.yaml")));
        var sources = ChartScene.Sources(scene.Helm.Url, scene.ArtifactDigests["6.5.0"])
            .Replace("tag: \"6.5.0\"", "tag: \"6.7.1\"", StringComparison.Ordinal)
            .Replace(scene.ArtifactDigests["6.5.0"], scene.ArtifactDigests["6.7.1"], StringComparison.Ordinal);
        Assert.Equal(sources, await File.ReadAllTextAsync(Path.Combine(repo, "clusters", "chart-sources.yaml")));
    }

    [Fact]
    public async Task HelmIndexClient_RepositoryWithoutIndex_IsANotFoundRegistryFailure()
    {
        using var client = HelmIndexClient.Create();

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(scene.Helm.Url + "/missing", "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.NotFound, failure.Kind);
        Assert.Contains("GET index.yaml answered 404", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelmIndexClient_ChartNotInTheIndex_IsNotFoundAndTheIndexIsFetchedOnce()
    {
        using var client = HelmIndexClient.Create();

        Assert.Equal(["18.1.0", "18.6.4", "19.0.0"], (await client.VersionsAsync(scene.Helm.Url.ToString(), "redis", CancellationToken.None)).Order(StringComparer.Ordinal));
        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(scene.Helm.Url + "/", "podinfo", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.NotFound, failure.Kind);
        Assert.Equal(1, client.Requests);
    }

    [Fact]
    public async Task HelmIndexClient_PlainHttpRepositoryOffLoopback_IsRefusedBeforeAnyRequest()
    {
        using var client = HelmIndexClient.Create();

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync("http://charts.example/stable", "podinfo", CancellationToken.None));

        Assert.Contains("plain HTTP is not used for charts.example; serve the repository over https://", failure.Message, StringComparison.Ordinal);
        Assert.Contains("registries: [{host: charts.example, insecure: true}] in the --config file", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.Requests);
    }

    [Fact]
    public async Task HelmIndexClient_PlainHttp_IsFetchedOnlyWhereTheOperatorAllowsIt()
    {
        var host = new Uri(scene.Helm.Url.ToString()).Authority;
        using var refusing = HelmIndexClient.Create(settingsFor: h => new RegistrySettings(h, CaBundlePath: "/operator/ca.pem"));
        using var allowing = HelmIndexClient.Create(settingsFor: RegistrySettings.For);

        var failure = await Assert.ThrowsAsync<RegistryException>(() => refusing.VersionsAsync(scene.Helm.Url.ToString(), "redis", CancellationToken.None));
        var versions = await allowing.VersionsAsync(scene.Helm.Url.ToString(), "redis", CancellationToken.None);

        Assert.Contains($"the operator gives {host} a CA bundle, so it is reached over https:// only", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, refusing.Requests);
        Assert.Contains("18.6.4", versions);
    }

    [Fact]
    public async Task HelmIndexClient_IndexOverTheLimit_IsRefusedWhileReading()
    {
        using var client = HelmIndexClient.Create(maxIndexBytes: 64);

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(scene.Helm.Url.ToString(), "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("index.yaml is over the 64-byte limit", failure.Message, StringComparison.Ordinal);
    }
}
