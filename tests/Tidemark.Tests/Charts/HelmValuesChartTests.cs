using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests;

namespace Tidemark.Tests.Charts;

public sealed class HelmValuesChartTests
{
    [Fact]
    public void Find_ValuesFilePins_GivesHttpAndOciChartsAndPassesOtherMappingsOver()
    {
        var found = Find("charts/platform/values.yaml", """
            addons:
              ingress: {repository: "https://kubernetes.github.io/ingress-nginx/", chart: ingress-nginx, version: 4.10.0, enabled: true}
              podinfo: {repository: oci://ghcr.io/stefanprodan/charts, chart: podinfo, version: '6.5.0'}
              range: {repository: https://charts.example.com, chart: app, version: 1.x}
              notUrl: {repository: bitnami/redis, chart: redis, version: 18.1.0}
              noVersion: {repository: https://charts.example.com, chart: app}
              nested: {repository: https://charts.example.com, chart: app, version: {pinned: 1.0.0}}
              templated: {repository: https://charts.example.com, chart: app, version: "{{ .Values.v }}"}
              block:
                repository: https://charts.example.com
                chart: app
                version: |
                  1.0.0
              gitops: {repository: https://github.com/org/repo.git, path: apps, version: main}
            image: {repository: ghcr.io/org/app, tag: 1.0.0}
            """);

        Assert.Equal(
            [("https://kubernetes.github.io/ingress-nginx", "ingress-nginx", "4.10.0", null), ("ghcr.io", "stefanprodan/charts/podinfo", "6.5.0", null), ("https://charts.example.com", "app", null, "1.x")],
            found.Sites.Select(s => (s.Image!.Registry, s.Image.Repository, s.Image.Tag, s.Floating)));
        Assert.All(found.Sites, s => Assert.Equal((ArtifactKind.HelmChart, "helm-values-chart", "values in charts/platform/values.yaml"), (s.Artifact, s.Kind, s.Holder)));
        Assert.Empty(found.Skipped);
    }

    [Fact]
    public void Find_HelmReleaseValues_GivesThePinHeldByTheRelease()
    {
        var found = Find("apps/platform.yaml", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: platform, namespace: flux-system}
            spec:
              chart: {spec: {chart: platform, version: 1.0.0, sourceRef: {kind: HelmRepository, name: internal}}}
              values:
                certManager: {repository: https://charts.jetstack.io, chart: cert-manager, version: v1.14.0}
            """);

        var site = Assert.Single(found.Sites);
        Assert.Equal(("cert-manager:v1.14.0", 7, "values of HelmRelease flux-system/platform"), (site.Written, site.Line, site.Holder));
    }

    [Theory]
    [InlineData("apps/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  pin: {repository: https://charts.jetstack.io, chart: cert-manager, version: v1.14.0}\n")]
    [InlineData("apps/notes.yaml", "pin: {repository: https://charts.jetstack.io, chart: cert-manager, version: v1.14.0}\n")]
    [InlineData("apps/release.yaml", "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: x}\nspec:\n  postRenderers: [{repository: https://charts.jetstack.io, chart: cert-manager, version: v1.14.0}]\n")]
    public void Find_PinOutsideValues_IsNotAChart(string path, string content) =>
        Assert.Empty(Find(path, content).Sites);

    [Fact]
    public void Find_PinWithCredentialsInTheUrl_IsSkippedWithTheUrlMasked()
    {
        var found = Find("values.yaml", "app: {repository: \"https://bot:hunter2-pw@charts.example/\", chart: app, version: 1.0.0}\n");

        Assert.Empty(found.Sites);
        var reason = Assert.Single(found.Skipped).Reason;
        Assert.Contains("values in values.yaml: chart app: repository \"https://***@charts.example/\" has credentials in the URL", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-pw", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SetterMarkerOnAPinVersion_KeepsTheMarkerSite()
    {
        const string values = "podinfo:\n  repository: oci://ghcr.io/stefanprodan/charts\n  chart: podinfo\n  version: 6.5.0 # {\"$imagepolicy\": \"flux-system:podinfo-chart:tag\"}\n";

        var site = Assert.Single(FileFindings.Find(values, "values.yaml", ManifestKinds.All).Sites);

        Assert.Equal(("flux-setter", 4), (site.Kind, site.Line));
    }

    [Fact]
    public void Find_RenovateAnnotationBesideAPin_IsStillRead()
    {
        const string values = """
            podinfo: {repository: oci://ghcr.io/stefanprodan/charts, chart: podinfo, version: 6.5.0}
            tools:
              # renovate: datasource=docker depName=ghcr.io/org/kubectl
              kubectlVersion: 1.30.1
            """;

        var sites = FileFindings.Find(values, "values.yaml", ManifestKinds.All).Sites;

        Assert.Equal([("helm-values-chart", "podinfo:6.5.0"), ("renovate-annotation", "1.30.1")], sites.Select(s => (s.Kind, s.Written)));
    }

    [Fact]
    public void Bind_ValuesPinRange_IsNotPinned()
    {
        var found = Find("values.yaml", "app: {repository: https://charts.example.com, chart: app, version: 1.x}\n");

        var left = Assert.Single(ReferenceBinder.Bind(found.Sites, TidemarkConfig.Default, FluxObjects.Empty).Ignored);

        Assert.Equal("floating: resolved by the tool that reads these values (the chart version is the range \"1.x\"; never pinned)", left.Reason);
    }

    private static KindFindings Find(string path, string content) => ManifestKinds.ByName("helm-values-chart")!.Find(content, path);
}
