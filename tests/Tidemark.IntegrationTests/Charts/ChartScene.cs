using Tidemark.Testing.Helm;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Charts;

/// <summary>
/// Charts and OCI artifacts on real servers: the local registry (standing in for ghcr.io) holds the Helm chart
/// <c>stefanprodan/charts/podinfo</c> (pushed as <c>helm push</c> does) and the Flux artifact
/// <c>stefanprodan/manifests/podinfo</c>; an HTTP Helm repository serves <c>redis</c> and <c>cert-manager</c> archives
/// with a generated <c>index.yaml</c>. <see cref="WriteFiles"/> writes the Flux objects that use them.
/// </summary>
public sealed class ChartScene : IAsyncLifetime
{
    public LocalRegistry Registry { get; private set; } = null!;

    public HelmRepositoryServer Helm { get; private set; } = null!;

    /// <summary>Tag → digest of the Flux artifact <c>stefanprodan/manifests/podinfo</c>.</summary>
    public Dictionary<string, string> ArtifactDigests { get; } = new(StringComparer.Ordinal);

    /// <summary>Tag → digest of the OCI chart <c>stefanprodan/charts/podinfo</c>.</summary>
    public Dictionary<string, string> ChartDigests { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Registry = await LocalRegistry.StartAnonymousAsync();
        await PushAsync(Registry, ChartDigests, ArtifactDigests);
        Helm = await HelmRepositoryServer.StartAsync([("redis", "18.1.0"), ("redis", "18.6.4"), ("redis", "19.0.0"), ("cert-manager", "1.14.0"), ("cert-manager", "1.15.2"), ("cert-manager", "2.0.0")]);
    }

    public async Task DisposeAsync()
    {
        await Helm.DisposeAsync();
        await Registry.DisposeAsync();
    }

    /// <summary>Pushes the OCI chart and the Flux artifact (6.5.0, 6.7.1, 7.0.0 each) into <paramref name="registry"/>.</summary>
    public static async Task PushAsync(LocalRegistry registry, Dictionary<string, string> chartDigests, Dictionary<string, string> artifactDigests)
    {
        foreach (var version in new[] { "6.5.0", "6.7.1", "7.0.0" })
        {
            chartDigests[version] = await registry.PushHelmChartAsync("stefanprodan/charts/podinfo", "podinfo", version);
            artifactDigests[version] = await registry.PushFluxArtifactAsync("stefanprodan/manifests/podinfo", version);
        }
    }

    /// <summary>The sources file (two HelmRepositories, an OCIRepository pinned by tag and digest, one floating by semver).</summary>
    public static string Sources(Uri helmUrl, string artifactDigest) => $"""
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: podinfo
          namespace: flux-system
        spec:
          type: oci
          url: oci://ghcr.io/stefanprodan/charts
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: stable
          namespace: flux-system
        spec:
          url: {helmUrl}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1beta2
        kind: OCIRepository
        metadata:
          name: podinfo-manifests
          namespace: flux-system
        spec:
          url: oci://ghcr.io/stefanprodan/manifests/podinfo
          ref:
            tag: "6.5.0"
            digest: {artifactDigest}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: podinfo-floating
          namespace: flux-system
        spec:
          url: oci://ghcr.io/stefanprodan/manifests/podinfo
          ref:
            semver: ">=6.0.0 <7.0.0"

        """;

    /// <summary>Four HelmReleases: an OCI chart, two charts of the HTTP repository, one floating range.</summary>
    public const string Releases = """
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
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2beta2
        kind: HelmRelease
        metadata:
          name: redis
          namespace: apps
        spec:
          chart:
            spec:
              chart: redis
              version: "18.1.0"
              sourceRef: {kind: HelmRepository, name: stable, namespace: flux-system}
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2beta1
        kind: HelmRelease
        metadata:
          name: cert-manager
          namespace: flux-system
        spec:
          chart:
            spec:
              chart: cert-manager
              version: 1.14.0
              sourceRef: {kind: HelmRepository, name: stable}
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: floating
          namespace: flux-system
        spec:
          chart:
            spec:
              chart: redis
              version: "18.x"
              sourceRef: {kind: HelmRepository, name: stable}

        """;

    /// <summary>Writes <c>clusters/chart-sources.yaml</c> and <c>apps/charts.yaml</c> under <paramref name="root"/>.</summary>
    public static void WriteFiles(string root, Uri helmUrl, string artifactDigest)
    {
        Directory.CreateDirectory(Path.Combine(root, "clusters"));
        Directory.CreateDirectory(Path.Combine(root, "apps"));
        File.WriteAllText(Path.Combine(root, "clusters", "chart-sources.yaml"), Sources(helmUrl, artifactDigest));
        File.WriteAllText(Path.Combine(root, "apps", "charts.yaml"), Releases);
    }

    public void WriteFiles(string root) => WriteFiles(root, Helm.Url, ArtifactDigests["6.5.0"]);
}
