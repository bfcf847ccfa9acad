using Tidemark.Cli.Serve.Metrics;
using Tidemark.Registries;
using Tidemark.Telemetry;
using Tidemark.Testing.Helm;

namespace Tidemark.IntegrationTests.Serve;

/// <summary>A Helm repository's <c>index.yaml</c> requests are counted by host and status (a real HTTP chart repository on loopback).</summary>
public sealed class HelmIndexMetricsTests
{
    [Fact]
    public async Task VersionsAsync_IndexServedAndMissing_CountsHelmIndexRequestsByHostAndStatus()
    {
        await using var server = await HelmRepositoryServer.StartAsync([("podinfo", "6.5.0"), ("podinfo", "6.6.0")]);
        using var exporter = new PrometheusExporter(TidemarkMetrics.Meter);
        using var client = HelmIndexClient.Create();

        var versions = await client.VersionsAsync(server.Url.AbsoluteUri, "podinfo", CancellationToken.None);
        await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(new Uri(server.Url, "/missing").AbsoluteUri, "podinfo", CancellationToken.None));
        var metrics = PrometheusText.Parse(exporter.Scrape());

        Assert.Equal(["6.5.0", "6.6.0"], versions.Order(StringComparer.Ordinal));
        var host = "host=" + server.Url.Authority;
        Assert.Equal(1, metrics.Value("tidemark_registry_requests_total", host, "registry=" + server.Url.Authority, "kind=helm_index", "status=200"));
        Assert.Equal(1, metrics.Value("tidemark_registry_requests_total", host, "kind=helm_index", "status=404"));
    }
}
