using System.Text.Json;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Cli;

public sealed class ScanCommandTests(ScanCommandTests.Registry fixture) : IClassFixture<ScanCommandTests.Registry>
{
    private readonly LocalRegistry registry = fixture.Local;

    /// <summary>One real registry, with the tags these tests read, shared by the whole class.</summary>
    public sealed class Registry : IAsyncLifetime
    {
        public LocalRegistry Local { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Local = await LocalRegistry.StartAnonymousAsync();
            await Local.PushTagsAsync("jetstack/cert-manager-controller", ["v1.15.3", "v1.16.2", "v1.17.4", "v1.18.2", "v1.19.0-alpha.1", "v2.0.0", "sha256-" + new string('a', 64) + ".sig"]);
            await Local.PushTagsAsync("acme/build", ["main-abc123-1700000000", "main-def456-1700000500", "feature-x-1800000000", "latest"]);
        }

        public async Task DisposeAsync() => await Local.DisposeAsync();
    }

    [Fact]
    public async Task Scan_DefaultPolicy_SelectsTheHighestNonBreakingTagAsJson()
    {
        var run = await CliRun.RunAsync("scan", $"{registry.Host}/jetstack/cert-manager-controller:v1.16.2", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var result = Assert.Single(JsonDocument.Parse(run.Out).RootElement.EnumerateArray());
        Assert.Equal($"{registry.Host}/jetstack/cert-manager-controller:v1.16.2", result.GetProperty("image").GetString());
        Assert.Equal(registry.Host, result.GetProperty("registry").GetString());
        Assert.Equal("jetstack/cert-manager-controller", result.GetProperty("repository").GetString());
        Assert.Equal("v1.16.2", result.GetProperty("current").GetString());
        Assert.Equal("non-breaking", result.GetProperty("policy").GetString());
        Assert.Equal(6, result.GetProperty("tags").GetInt32());
        Assert.Equal(1, result.GetProperty("excluded").GetInt32());
        Assert.Equal("v1.18.2", result.GetProperty("selected").GetString());
        Assert.Contains("v1.18.2", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(result.GetProperty("steps").EnumerateArray(), s => s.GetProperty("verdict").GetString() == "different-shape" && s.GetProperty("removed").GetInt32() == 1);
    }

    [Fact]
    public async Task Scan_SemverRangeAndTable_PrintsOneRowPerImage()
    {
        var run = await CliRun.RunAsync("scan", "--policy", "semver:~1.17", $"{registry.Host}/jetstack/cert-manager-controller:v1.16.2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("IMAGE", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"cert-manager-controller:v1\.16\.2\s+semver:~1\.17\s+6\s+v1\.17\.4", run.Out);
    }

    [Fact]
    public async Task Scan_FilterAndExtractWithNumerical_SelectsTheNewestBuild()
    {
        var run = await CliRun.RunAsync("scan", "--policy", "numerical:asc", "--filter", "^main-[a-f0-9]+-(?P<ts>[0-9]+)", "--extract", "$ts", "--output", "json", $"{registry.Host}/acme/build:main-abc123-1700000000");

        Assert.Equal(0, run.ExitCode);
        var result = JsonDocument.Parse(run.Out).RootElement[0];
        Assert.Equal("main-def456-1700000500", result.GetProperty("selected").GetString());
    }

    [Fact]
    public async Task Scan_Explain_ListsEveryTagWithItsVerdict()
    {
        var run = await CliRun.RunAsync("scan", "--explain", $"{registry.Host}/jetstack/cert-manager-controller:v1.16.2");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"v2\.0\.0\s+\S", run.Out);
        Assert.Matches(@"v1\.19\.0-alpha\.1\s+\S", run.Out);
    }

    [Fact]
    public async Task Scan_ConfigEndpoint_SendsAnotherHostsRequestsToTheLocalRegistry()
    {
        var config = Path.Combine(Path.GetTempPath(), $"tidemark-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, $"version: 1\nregistries:\n  - host: quay.io\n    endpoint: http://{registry.Host}\n");
        try
        {
            var run = await CliRun.RunAsync("scan", "--config", config, "--output", "json", "quay.io/jetstack/cert-manager-controller:v1.16.2");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("v1.18.2", JsonDocument.Parse(run.Out).RootElement[0].GetProperty("selected").GetString());
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("Quay.io/Bad/Name:1", "invalid image reference \"Quay.io/Bad/Name:1\": repository name component \"Bad\" must be lower case")]
    [InlineData("${IMAGE}", "contains a variable")]
    public async Task Scan_InvalidImage_ExitsTwoNamingThePart(string image, string expected)
    {
        var run = await CliRun.RunAsync("scan", image);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("newest", "newest")]
    [InlineData("semver:>=1.2 <", "invalid semver range")]
    public async Task Scan_InvalidPolicy_ExitsTwoBeforeAnyRequest(string policy, string expected)
    {
        var run = await CliRun.RunAsync("scan", "--policy", policy, $"{registry.Host}/jetstack/cert-manager-controller:v1.16.2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_ExtractWithoutFilter_IsAUsageError()
    {
        var run = await CliRun.RunAsync("scan", "--extract", "$ts", $"{registry.Host}/acme/build:main-abc123-1700000000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--extract needs --filter", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_UnreachableRegistry_ExitsOneWithAMessageAPersonCanActOn()
    {
        var port = Tidemark.Testing.Ports.Free();

        var run = await CliRun.RunAsync("scan", "--output", "json", $"127.0.0.1:{port}/team/app:1.0.0");

        Assert.Equal(1, run.ExitCode);
        var result = JsonDocument.Parse(run.Out).RootElement[0];
        Assert.Equal(JsonValueKind.Null, result.GetProperty("selected").ValueKind);
        Assert.Contains($"127.0.0.1:{port}", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("connection refused", result.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Scan_UnknownRepository_ExitsOneNamingIt()
    {
        var run = await CliRun.RunAsync("scan", $"{registry.Host}/nobody/here:1.0.0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nobody/here", run.Out, StringComparison.Ordinal);
    }
}
