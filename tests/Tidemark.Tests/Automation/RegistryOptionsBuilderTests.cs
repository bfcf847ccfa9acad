using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Registries;

namespace Tidemark.Tests.Automation;

public sealed class RegistryOptionsBuilderTests
{
    private static RegistryClientOptions Build(params HelmRepositorySource[] helmRepositories) =>
        RegistryOptionsBuilder.Build(TidemarkConfig.Default, FluxObjects.Empty, null, "/secrets", helmRepositories);

    [Theory]
    [InlineData("ghcr.io", "org/charts/podinfo", "oci-charts")]
    [InlineData("ghcr.io", "org/charts/sub/podinfo", null)]
    [InlineData("ghcr.io", "org/other/podinfo", null)]
    [InlineData("ghcr.io", "org/charts", null)]
    [InlineData("quay.io", "org/charts/podinfo", null)]
    public void Build_OciHelmRepositoryWithSecretRef_GivesItsChartsTheMountedSecret(string registry, string repository, string? secret)
    {
        var options = Build(new HelmRepositorySource("flux-system", "private", "oci://ghcr.io/org/charts/", true, "apps/a.yaml", 1, "oci-charts"));

        var credentials = options.SettingsFor(new RegistryRepository(registry, repository)).Credentials;

        Assert.Equal(secret, (credentials as MountedSecretCredentialSource)?.SecretName);
        Assert.True(secret is null == credentials is null);
    }

    [Fact]
    public void Build_SeveralOciHelmRepositoriesWithOneUrl_TheFirstInFileOrderGivesTheSecret_AndAnHttpOneGivesNone()
    {
        var options = Build(
            new HelmRepositorySource(null, "b", "oci://ghcr.io/org/charts", true, "apps/b.yaml", 1, "second"),
            new HelmRepositorySource(null, "a", "oci://ghcr.io/org/charts", true, "apps/a.yaml", 9, "first"),
            new HelmRepositorySource(null, "web", "https://ghcr.io/org/charts", false, "apps/a.yaml", 1, "basic"));

        Assert.Equal("first", (options.SettingsFor(new RegistryRepository("ghcr.io", "org/charts/podinfo")).Credentials as MountedSecretCredentialSource)?.SecretName);
        Assert.Single(options.ChartRepositories);
    }
}
