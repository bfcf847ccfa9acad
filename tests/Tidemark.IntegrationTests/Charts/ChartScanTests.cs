using System.Text.Json;
using Tidemark.IntegrationTests.Cli;

namespace Tidemark.IntegrationTests.Charts;

/// <summary><c>scan</c> of an OCI chart (<c>oci://…</c>) on the real registry and of a chart in a real HTTP Helm repository.</summary>
public sealed class ChartScanTests(ChartScene scene) : IClassFixture<ChartScene>
{
    [Fact]
    public async Task Scan_OciChart_ListsItsTagsFromTheRegistryWithTheDefaultPolicy()
    {
        var run = await CliRun.RunAsync("scan", $"oci://{scene.Registry.Host}/stefanprodan/charts/podinfo:6.5.0", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var result = Assert.Single(JsonDocument.Parse(run.Out).RootElement.EnumerateArray());
        Assert.Equal(($"oci://{scene.Registry.Host}/stefanprodan/charts/podinfo:6.5.0", scene.Registry.Host, "stefanprodan/charts/podinfo"),
            (result.GetProperty("image").GetString(), result.GetProperty("registry").GetString(), result.GetProperty("repository").GetString()));
        Assert.Equal((3, "6.7.1"), (result.GetProperty("tags").GetInt32(), result.GetProperty("selected").GetString()));
    }

    [Fact]
    public async Task Scan_HelmRepositoryUrlAndChart_ReadsTheIndexWithTheGivenPolicy()
    {
        var url = scene.Helm.Url.ToString();

        var run = await CliRun.RunAsync("scan", "--output", "json", url, "redis:18.1.0", $"{scene.Registry.Host}/stefanprodan/charts/podinfo:6.5.0", url, "cert-manager:1.14.0", "--policy", "major");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var results = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("repository").GetString()!, r => r);
        Assert.Equal((url.TrimEnd('/'), 3, "19.0.0"), (results["redis"].GetProperty("registry").GetString(), results["redis"].GetProperty("tags").GetInt32(), results["redis"].GetProperty("selected").GetString()));
        Assert.Equal("2.0.0", results["cert-manager"].GetProperty("selected").GetString());
        Assert.Equal("7.0.0", results["stefanprodan/charts/podinfo"].GetProperty("selected").GetString());
    }

    [Fact]
    public async Task Scan_ChartMissingFromTheIndex_FailsAsNotFound()
    {
        var run = await CliRun.RunAsync("scan", scene.Helm.Url.ToString(), "podinfo:6.5.0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("chart podinfo is not in its index.yaml", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://charts.example.com", "is a Helm repository URL: name the chart after it")]
    [InlineData("https://charts.example.com org/podinfo", "is not CHART or CHART:VERSION")]
    [InlineData("https://charts.example.com podinfo:", "is not CHART or CHART:VERSION")]
    public async Task Scan_HelmRepositoryUrlWithoutAChart_IsAUsageError(string arguments, string message)
    {
        var run = await CliRun.RunAsync(["scan", .. arguments.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://bot:hunter2-pw@charts.example.com/stable podinfo:6.5.0", "\"https://***@charts.example.com/stable\" has credentials in the URL")]
    [InlineData("https://bot:hunter2-pw@charts.example.com", "\"https://***@charts.example.com\" has credentials in the URL")]
    [InlineData("oci://bot:hunter2-pw@ghcr.io/org/charts/podinfo:6.5.0", "\"oci://***@ghcr.io/org/charts/podinfo:6.5.0\" has credentials in the URL")]
    public async Task Scan_UrlWithCredentials_IsAUsageErrorThatMasksThem(string arguments, string message)
    {
        var run = await CliRun.RunAsync(["scan", .. arguments.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-pw", run.Error + run.Out, StringComparison.Ordinal);
    }
}
