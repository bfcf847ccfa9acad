using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests;
using Tidemark.Manifests.HelmReleaseChart;

namespace Tidemark.Tests.Charts;

public sealed class ChartKindTests
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private const string Sources = """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata: {name: podinfo, namespace: flux-system}
        spec: {type: oci, url: "oci://ghcr.io/stefanprodan/charts"}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata: {name: bitnami, namespace: flux-system}
        spec: {url: "https://charts.bitnami.com/bitnami/"}
        """;

    [Fact]
    public void Find_OciRepositoryTagAndDigest_GivesOneSiteWithBothTargets()
    {
        var site = Assert.Single(Find("ocirepository", $"apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata: {{name: app, namespace: apps}}\nspec:\n  url: oci://ghcr.io/org/manifests/app\n  ref:\n    tag: v1.2.0\n    digest: {Sha}\n").Sites);

        Assert.Equal(("ghcr.io", "org/manifests/app", "v1.2.0", Sha), (site.Image!.Registry, site.Image.Repository, site.Image.Tag, site.Image.Digest));
        Assert.Equal((7, 10, ArtifactKind.OciArtifact, "OCIRepository apps/app"), (site.Line, site.Column, site.Artifact, site.Holder));
        Assert.Equal([TargetPart.Tag, TargetPart.Digest], site.Targets.Select(t => t.Part));
        Assert.Equal("oci://ghcr.io/org/manifests/app:v1.2.0@" + Sha, site.Written);
    }

    [Fact]
    public void Find_OciRepositorySemver_IsFloatingWithoutTargets()
    {
        var site = Assert.Single(Find("ocirepository", "apiVersion: source.toolkit.fluxcd.io/v1beta2\nkind: OCIRepository\nspec:\n  url: oci://ghcr.io/org/app\n  ref:\n    semver: \">=1.0.0 <2.0.0\"\n    tag: 1.0.0\n").Sites);

        Assert.Equal((">=1.0.0 <2.0.0", 6), (site.Floating, site.Line));
        Assert.Empty(site.Targets);
    }

    [Theory]
    [InlineData("spec:\n  url: https://example.com/x\n  ref: {tag: v1}\n", "spec.url \"https://example.com/x\" is not an oci:// URL")]
    [InlineData("spec:\n  url: oci://ghcr.io/org/app\n", "has no spec.ref.tag, semver or digest")]
    public void Find_UnusableOciRepository_IsSkippedWithTheReason(string spec, string reason)
    {
        var found = Find("ocirepository", "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata: {name: x}\n" + spec);

        Assert.Empty(found.Sites);
        Assert.Contains(reason, Assert.Single(found.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_HelmReleaseVersions_GivesChartSourcesAndFloatingRanges()
    {
        var found = Find("helmrelease-chart", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: podinfo, namespace: apps}
            spec:
              chart:
                spec: {chart: podinfo, version: "6.5.0", sourceRef: {kind: HelmRepository, name: podinfo, namespace: flux-system}}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2beta1
            kind: HelmRelease
            metadata: {name: range}
            spec:
              chart:
                spec: {chart: redis, version: ">=18.0.0 <19.0.0", sourceRef: {kind: HelmRepository, name: bitnami}}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2beta2
            kind: HelmRelease
            metadata: {name: newest}
            spec:
              chart:
                spec: {chart: nginx, sourceRef: {kind: HelmRepository, name: bitnami}}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: git}
            spec:
              chart:
                spec: {chart: ./charts/app, sourceRef: {kind: GitRepository, name: flux-system}}
            """);

        Assert.Equal(
            [("podinfo:6.5.0", null, "flux-system"), ("redis >=18.0.0 <19.0.0", ">=18.0.0 <19.0.0", null), ("nginx *", "*", null)],
            found.Sites.Select(s => (s.Written, s.Floating, s.Chart!.SourceNamespace)));
        Assert.All(found.Sites, s => Assert.Equal(ArtifactKind.HelmChart, s.Artifact));
        Assert.Equal("HelmRelease apps/podinfo", found.Sites[0].Holder);
        Assert.Contains("comes from a GitRepository", Assert.Single(found.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_OciAndHttpHelmRepositories_GiveTheirReferences()
    {
        var discovery = Discover(Sources, """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: podinfo, namespace: flux-system}
            spec:
              chart:
                spec: {chart: podinfo, version: 6.5.0, sourceRef: {kind: HelmRepository, name: podinfo}}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: redis, namespace: apps}
            spec:
              chart:
                spec: {chart: redis, version: 18.1.0, sourceRef: {kind: HelmRepository, name: bitnami, namespace: flux-system}}
            """);

        Assert.Equal(
            [("ghcr.io", "stefanprodan/charts/podinfo", "6.5.0"), ("https://charts.bitnami.com/bitnami", "redis", "18.1.0")],
            discovery.Sites.Select(s => (s.Image!.Registry, s.Image.Repository, s.Image.Tag)));
        Assert.All(discovery.Sites, s => Assert.Null(s.Chart));
    }

    [Fact]
    public void Resolve_HelmReleaseChartRef_ListsTheOciRepositoryAsItsChart()
    {
        var discovery = Discover("""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: podinfo, namespace: flux-system}
            spec: {url: "oci://ghcr.io/stefanprodan/charts/podinfo", ref: {tag: 6.5.0}}
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: manifests, namespace: flux-system}
            spec: {url: "oci://ghcr.io/stefanprodan/manifests/podinfo", ref: {tag: 6.5.0}}
            """, """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: podinfo, namespace: apps}
            spec:
              chartRef: {kind: OCIRepository, name: podinfo, namespace: flux-system}
            """);

        Assert.Equal(
            [(ArtifactKind.HelmChart, "HelmRelease apps/podinfo via OCIRepository flux-system/podinfo"), (ArtifactKind.OciArtifact, "OCIRepository flux-system/manifests")],
            discovery.Sites.Select(s => (s.Artifact, s.Holder)));
    }

    [Fact]
    public void Resolve_ChartRefWithoutNamespace_MeansTheHelmReleasesNamespace()
    {
        var discovery = Discover("""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: podinfo, namespace: flux-system}
            spec: {url: "oci://ghcr.io/stefanprodan/charts/podinfo", ref: {tag: 6.5.0}}
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: podinfo, namespace: apps}
            spec: {url: "oci://ghcr.io/stefanprodan/charts/podinfo", ref: {tag: 6.7.1}}
            """, """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: web, namespace: apps}
            spec:
              chartRef: {kind: OCIRepository, name: podinfo}
            """);

        Assert.Equal(
            [(ArtifactKind.OciArtifact, "OCIRepository flux-system/podinfo"), (ArtifactKind.HelmChart, "HelmRelease apps/web via OCIRepository apps/podinfo")],
            discovery.Sites.Select(s => (s.Artifact, s.Holder)));
        Assert.Empty(discovery.Skipped);
    }

    [Fact]
    public void Resolve_ChartRefMatchingTwoObjects_IsSkippedAndLabelsNeither()
    {
        var discovery = Discover("""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: podinfo, namespace: flux-system}
            spec: {url: "oci://ghcr.io/stefanprodan/charts/podinfo", ref: {tag: 6.5.0}}
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: podinfo, namespace: apps}
            spec: {url: "oci://ghcr.io/stefanprodan/charts/podinfo", ref: {tag: 6.7.1}}
            """, """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: web}
            spec:
              chartRef: {kind: OCIRepository, name: podinfo}
            """);

        Assert.All(discovery.Sites, s => Assert.Equal(ArtifactKind.OciArtifact, s.Artifact));
        var skipped = Assert.Single(discovery.Skipped);
        Assert.Equal(("apps/release.yaml", 5), (skipped.File, skipped.Line));
        Assert.Equal("HelmRelease web: spec.chartRef names OCIRepository podinfo (in the namespace a Kustomization gives it), which matches 2 objects "
            + "(flux-system/podinfo at clusters/sources.yaml:4, apps/podinfo at clusters/sources.yaml:9); set chartRef.namespace, or metadata.namespace on the OCIRepositories, so exactly one matches", skipped.Reason);
    }

    [Fact]
    public void Resolve_ChartRefWithoutNamespace_TakesTheNamespacelessOciRepositoryInItsOwnFile()
    {
        // Chrtol/home-ops, reduced: the operator's HelmRelease and its OCIRepository share a file without namespaces (the
        // Kustomization gives both the same one), and flux-system holds another OCIRepository of that name.
        var discovery = Discover("""
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: rook-ceph
              namespace: flux-system
            spec:
              ref:
                tag: 1.16.6
              url: oci://ghcr.io/rook/rook-ceph
            """, """
            ---
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: rook-ceph
            spec:
              ref:
                tag: v1.17.0
              url: oci://ghcr.io/rook/rook-ceph
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: rook-ceph-operator
            spec:
              chartRef:
                kind: OCIRepository
                name: rook-ceph
            """);

        Assert.Equal(
            [(ArtifactKind.HelmChart, "HelmRelease rook-ceph-operator via OCIRepository rook-ceph", "v1.17.0"), (ArtifactKind.OciArtifact, "OCIRepository flux-system/rook-ceph", "1.16.6")],
            discovery.Sites.Select(s => (s.Artifact, s.Holder, s.Image!.Tag)));
        Assert.Empty(discovery.Skipped);
    }

    [Fact]
    public void Resolve_ChartRefToAMissingObject_IsSkippedWithTheReason()
    {
        var discovery = Discover("""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: podinfo}
            spec: {url: "oci://ghcr.io/stefanprodan/charts/podinfo", ref: {tag: 6.5.0}}
            """, """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: runner, namespace: ci}
            spec:
              chartRef: {kind: OCIRepository, name: runner-chart}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: web, namespace: apps}
            spec:
              chartRef: {kind: OCIRepository, name: podinfo}
            """);

        Assert.Equal((ArtifactKind.HelmChart, "HelmRelease apps/web via OCIRepository podinfo"), (Assert.Single(discovery.Sites).Artifact, discovery.Sites[0].Holder));
        Assert.Contains("HelmRelease ci/runner: spec.chartRef names OCIRepository ci/runner-chart, which is not in the repository", Assert.Single(discovery.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingHelmRepository_IsSkippedWithTheFix()
    {
        var discovery = Discover(Sources, """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: podinfo, namespace: apps}
            spec:
              chart:
                spec: {chart: podinfo, version: 6.5.0, sourceRef: {kind: HelmRepository, name: podinfo}}
            """);

        Assert.Empty(discovery.Sites);
        var skipped = Assert.Single(discovery.Skipped);
        Assert.Equal(("apps/release.yaml", 6), (skipped.File, skipped.Line));
        Assert.Contains("HelmRepository apps/podinfo: one exists in namespace flux-system (clusters/sources.yaml:1); set sourceRef.namespace", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_FloatingChart_IsNotUpdatedAndSaysFluxResolvesIt()
    {
        var discovery = Discover(Sources, """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: redis, namespace: flux-system}
            spec:
              chart:
                spec: {chart: redis, version: "18.x", sourceRef: {kind: HelmRepository, name: bitnami}}
            """);

        var binding = ReferenceBinder.Bind(discovery.Sites, TidemarkConfig.Default, FluxObjects.Empty);

        Assert.Empty(binding.References);
        var left = Assert.Single(binding.Ignored);
        Assert.Equal(("18.x", "apps/release.yaml", 6), (left.Current, left.File, left.Line));
        Assert.StartsWith("floating: resolved by Flux", left.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_KustomizeHelmCharts_GivesHttpAndOciChartsAndSkipsLocalOnes()
    {
        var found = ManifestKinds.ByName("kustomize-helm-chart")!.Find("""
            helmCharts:
            - {name: minecraft, repo: "https://itzg.github.io/minecraft-server-charts/", version: 4.9.1}
            - {name: podinfo, repo: oci://ghcr.io/stefanprodan/charts, version: 6.5.0}
            - {name: newest, repo: https://charts.example.com}
            - {name: local, version: 0.1.0}
            """, "apps/kustomization.yaml");

        Assert.Equal(
            [("https://itzg.github.io/minecraft-server-charts", "minecraft", "4.9.1", null), ("ghcr.io", "stefanprodan/charts/podinfo", "6.5.0", null), ("https://charts.example.com", "newest", null, "*")],
            found.Sites.Select(s => (s.Image!.Registry, s.Image.Repository, s.Image.Tag, s.Floating)));
        Assert.All(found.Sites, s => Assert.Equal((ArtifactKind.HelmChart, "helmCharts of apps/kustomization.yaml"), (s.Artifact, s.Holder)));
        Assert.Contains("has no repo: a local chart", Assert.Single(found.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SetterMarkerOnAChartVersion_KeepsTheMarkerSiteBoundToItsImagePolicy()
    {
        const string release = """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: podinfo, namespace: flux-system}
            spec:
              chart:
                spec:
                  chart: podinfo
                  version: 6.5.0 # {"$imagepolicy": "flux-system:podinfo-chart:tag"}
                  sourceRef: {kind: HelmRepository, name: podinfo}
            """;
        const string policy = """
            apiVersion: image.toolkit.fluxcd.io/v1
            kind: ImageRepository
            metadata: {name: podinfo-chart, namespace: flux-system}
            spec: {image: ghcr.io/stefanprodan/charts/podinfo}
            ---
            apiVersion: image.toolkit.fluxcd.io/v1
            kind: ImagePolicy
            metadata: {name: podinfo-chart, namespace: flux-system}
            spec:
              imageRepositoryRef: {name: podinfo-chart}
              policy: {semver: {range: ">=6.0.0"}}
            """;

        var site = Assert.Single(FileFindings.Find(release, "apps/podinfo.yaml", ManifestKinds.All).Sites);
        var reference = Assert.Single(ReferenceBinder.Bind([site], TidemarkConfig.Default, FluxObjectReader.Read(policy, "flux.yaml")).References);

        Assert.Equal("flux-setter", site.Kind);
        Assert.Equal(("ghcr.io/stefanprodan/charts/podinfo", "6.5.0", "semver:>=6.0.0"), (reference.Image.Name, reference.Image.Tag, reference.Policy.Text));
    }

    [Fact]
    public void Find_ChartYamlDependencies_GivesHttpAndOciChartsAndSkipsLocalAndAliasedOnes()
    {
        var found = ManifestKinds.ByName("chart-dependency")!.Find("""
            apiVersion: v2
            name: shop
            version: 1.4.0
            dependencies:
              - {name: postgresql, version: 15.2.5, repository: "https://charts.bitnami.com/bitnami/"}
              - {name: redis, alias: cache, version: 18.6.1, repository: oci://registry-1.docker.io/bitnamicharts}
              - {name: common, version: ~2.14.0, repository: https://charts.bitnami.com/bitnami}
              - {name: crds, version: 0.3.0, repository: file://../crds}
              - {name: metrics, version: 1.0.0, repository: "@prometheus-community"}
              - {name: exporter, version: 1.0.0, repository: "alias:prometheus-community"}
              - {name: vendored, version: 0.1.0}
            """, "charts/shop/Chart.yaml");

        Assert.Equal(
            [("https://charts.bitnami.com/bitnami", "postgresql", "15.2.5", null, 1), ("registry-1.docker.io", "bitnamicharts/redis", "18.6.1", null, 1), ("https://charts.bitnami.com/bitnami", "common", null, "~2.14.0", 0)],
            found.Sites.Select(s => (s.Image!.Registry, s.Image.Repository, s.Image.Tag, s.Floating, s.Targets.Count)));
        Assert.All(found.Sites, s => Assert.Equal((ArtifactKind.HelmChart, "dependency of chart shop", "chart-dependency"), (s.Artifact, s.Holder, s.Kind)));
        Assert.Equal([8, 9, 10, 11], found.Skipped.Select(s => s.Line));
        Assert.Collection(found.Skipped,
            s => Assert.Contains("dependency crds is a local chart (file://../crds)", s.Reason, StringComparison.Ordinal),
            s => Assert.Contains("dependency metrics: repository \"@prometheus-community\" is an alias of `helm repo add`", s.Reason, StringComparison.Ordinal),
            s => Assert.Contains("dependency exporter: repository \"alias:prometheus-community\" is an alias of `helm repo add`", s.Reason, StringComparison.Ordinal),
            s => Assert.Contains("dependency vendored has no repository: a chart under charts/", s.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://bot:hunter2-pw@charts.example/stable/", "https://***@charts.example/stable/")]
    [InlineData("oci://bot:hunter2-pw@ghcr.io/org/charts", "oci://***@ghcr.io/org/charts")]
    [InlineData("https://hunter2-pw@charts.example", "https://***@charts.example")]
    public void Find_ChartYamlDependencyWithCredentialsInTheUrl_IsSkippedWithTheUrlMasked(string url, string masked)
    {
        var found = ManifestKinds.ByName("chart-dependency")!.Find($"name: shop\ndependencies:\n  - {{name: redis, version: 18.6.1, repository: \"{url}\"}}\n", "charts/shop/Chart.yaml");

        Assert.Empty(found.Sites);
        var reason = Assert.Single(found.Skipped).Reason;
        Assert.Contains($"dependency redis: repository \"{masked}\" has credentials in the URL", reason, StringComparison.Ordinal);
        Assert.Contains("credentials come from a Secret", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-pw", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_HelmRepositoryUrlWithCredentials_IsSkippedWithTheUrlMasked()
    {
        var discovery = Discover("""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata: {name: private, namespace: flux-system}
            spec: {url: "https://bot:hunter2-pw@charts.example/"}
            """, """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: app, namespace: flux-system}
            spec:
              chart:
                spec: {chart: app, version: 1.0.0, sourceRef: {kind: HelmRepository, name: private}}
            """);

        Assert.Empty(discovery.Sites);
        var reason = Assert.Single(discovery.Skipped).Reason;
        Assert.Contains("spec.url \"https://***@charts.example/\" has credentials in the URL", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-pw", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("charts/shop/Chart.yaml", true)]
    [InlineData("charts/old/requirements.yaml", true)]
    [InlineData("charts/shop/values.yaml", false)]
    [InlineData("apps/chart.yaml", false)]
    public void Handles_OnlyChartAndRequirementsFiles(string path, bool handled) =>
        Assert.Equal(handled, ManifestKinds.ByName("chart-dependency")!.Handles(path));

    [Fact]
    public void Bind_ChartDependencyRange_FloatsAsResolvedByHelmDependencyUpdate()
    {
        var found = ManifestKinds.ByName("chart-dependency")!.Find("dependencies:\n  - {name: common, version: 2.x, repository: https://charts.bitnami.com/bitnami}\n", "charts/shop/Chart.yaml");

        var left = Assert.Single(ReferenceBinder.Bind(found.Sites, TidemarkConfig.Default, FluxObjects.Empty).Ignored);

        Assert.Equal("floating: resolved by `helm dependency update` (the chart version is the range \"2.x\"; never pinned)", left.Reason);
    }

    private static KindFindings Find(string kind, string content) => ManifestKinds.ByName(kind)!.Find(content, "clusters/x.yaml");

    private static DiscoveryResult Discover(string sources, string releases)
    {
        var root = Directory.CreateTempSubdirectory("tidemark-charts-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "clusters"));
            Directory.CreateDirectory(Path.Combine(root, "apps"));
            File.WriteAllText(Path.Combine(root, "clusters", "sources.yaml"), sources);
            File.WriteAllText(Path.Combine(root, "apps", "release.yaml"), releases);
            return Workspace.Load(root, TidemarkConfig.Default).Discovery;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
