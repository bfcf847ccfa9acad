using System.Text.Json;
using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.Registries;

namespace Tidemark.IntegrationTests.Charts;

/// <summary>
/// An OCI <c>HelmRepository</c>'s <c>spec.secretRef</c>: the mounted <c>.dockerconfigjson</c> is used for its charts as an
/// <c>ImageRepository</c>'s is, only for the host its <c>auths</c> names, against the real registry requiring Basic auth.
/// </summary>
[Collection(HtpasswdRegistryCollection.Name)]
public sealed class OciHelmAuthTests(HtpasswdRegistryFixture fixture) : IDisposable
{
    private readonly TempDirectory repo = new();
    private readonly TempDirectory secrets = new();

    public void Dispose()
    {
        repo.Dispose();
        secrets.Dispose();
    }

    /// <summary>A HelmRelease of chart <c>app</c> 1.0.0 from the OCI HelmRepository <c>oci://HOST/private</c> naming Secret <paramref name="secret"/>.</summary>
    private void WriteRelease(string? secret) =>
        repo.Write("apps/app.yaml", HelmAuthTests.PrivateRelease($"type: oci\nurl: oci://{fixture.Registry.Host}/private", secret, "app", "1.0.0"));

    private Task<CliRun> PlanAsync(string? secretsDirectory = null) => CliRun.RunAsync("plan", "--repo", repo.Path, "--secrets-dir", secretsDirectory ?? secrets.Path, "--output", "json");

    [Fact]
    public async Task Plan_SecretForTheRegistryHost_ListsTheChartsTags()
    {
        WriteRelease("oci-charts");
        secrets.Write("oci-charts/.dockerconfigjson", BasicAuthTests.DockerConfigJson(fixture.Registry.Host, HtpasswdRegistryFixture.Username, HtpasswdRegistryFixture.Password));

        var run = await PlanAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var change = Assert.Single(JsonDocument.Parse(run.Out).RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal(("1.0.0", "1.2.0"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.DoesNotContain(HtpasswdRegistryFixture.Password, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SecretForAnotherHostOnly_IsNotUsedAndTheChartFailsUnauthorized()
    {
        WriteRelease("oci-charts");
        secrets.Write("oci-charts/.dockerconfigjson", BasicAuthTests.DockerConfigJson("charts.example", HtpasswdRegistryFixture.Username, HtpasswdRegistryFixture.Password));

        var run = await PlanAsync();

        Assert.Empty(JsonDocument.Parse(run.Out).RootElement.GetProperty("changes").EnumerateArray());
        Assert.Contains("unauthorized", run.Out + run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plan_SecretNameOutsideTheSecretsFolder_IsRefused()
    {
        WriteRelease("..");
        secrets.Write(".dockerconfigjson", BasicAuthTests.DockerConfigJson(fixture.Registry.Host, HtpasswdRegistryFixture.Username, HtpasswdRegistryFixture.Password));
        var nested = Directory.CreateDirectory(Path.Combine(secrets.Path, "nested")).FullName; // nested/.. holds a working .dockerconfigjson

        var run = await PlanAsync(nested);

        Assert.Empty(JsonDocument.Parse(run.Out).RootElement.GetProperty("changes").EnumerateArray());
        Assert.Contains("secretRef.name \\\"..\\\" is not a Kubernetes object name", run.Out + run.Error, StringComparison.Ordinal);
    }
}
