using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests;

namespace Tidemark.Tests.Charts;

public sealed class HelmfileChartTests
{
    [Fact]
    public void Find_Releases_GivesOciAndRepositoryChartsAcrossDocuments()
    {
        var found = Find("""
            repositories:
              - {name: bitnami, url: "https://charts.bitnami.com/bitnami/"}
              - {name: mirror, url: ghcr.io/home-operations/charts-mirror, oci: true}
            ---
            releases:
              - {name: cilium, namespace: kube-system, chart: oci://ghcr.io/home-operations/charts-mirror/cilium, version: 1.17.4}
              - {name: coredns, chart: mirror/coredns, version: 1.42.1}
              - {name: cache, chart: bitnami/redis, version: "18.1.0"}
              - {name: newest, chart: bitnami/nginx}
            """);

        Assert.Equal(
            [("ghcr.io", "home-operations/charts-mirror/cilium", "1.17.4", null, "helmfile release kube-system/cilium"),
             ("ghcr.io", "home-operations/charts-mirror/coredns", "1.42.1", null, "helmfile release coredns"),
             ("https://charts.bitnami.com/bitnami", "redis", "18.1.0", null, "helmfile release cache"),
             ("https://charts.bitnami.com/bitnami", "nginx", null, "*", "helmfile release newest")],
            found.Sites.Select(s => (s.Image!.Registry, s.Image.Repository, s.Image.Tag, s.Floating, s.Holder)));
        Assert.All(found.Sites, s => Assert.Equal((ArtifactKind.HelmChart, "helmfile-release"), (s.Artifact, s.Kind)));
        Assert.Empty(found.Skipped);
    }

    [Fact]
    public void Find_LocalUnknownAndTemplatedCharts_AreSkippedWithTheReason()
    {
        var found = Find("""
            repositories:
              - {name: bitnami, url: https://charts.bitnami.com/bitnami}
            releases:
              - {name: app, chart: ./charts/app, version: 0.1.0}
              - {name: shared, chart: charts/shared, version: 0.1.0}
              - {name: tpl, chart: bitnami/redis, version: '{{ .Values.redis }}'}
              - {name: bare, chart: local-dir}
              - {name: nothing}
            """);

        Assert.Empty(found.Sites);
        Assert.Equal(
            [(4, "helmfile release app: chart ./charts/app is a local chart, with no version to look up"),
             (5, "helmfile release shared: chart charts/shared: \"charts\" is not among the helmfile's repositories (a local folder, or a repository defined elsewhere); add it to repositories: with its url to have it looked up"),
             (6, "helmfile release tpl: version is a template ({{ … }}), only known once helmfile renders it; not looked up"),
             (7, "helmfile release bare: chart local-dir is a local chart, with no version to look up"),
             (8, "helmfile release nothing has no chart")],
            found.Skipped.Select(s => (s.Line, s.Reason)));
    }

    [Theory]
    [InlineData("helmfile.yaml", true)]
    [InlineData("bootstrap/helmfile.yaml.gotmpl", true)]
    [InlineData("helmfile.yml", true)]
    [InlineData("bootstrap/helmfile.yml.gotmpl", true)]
    [InlineData("apps/values.yaml", false)]
    [InlineData("helmfile.d/00-crds.yaml", false)]
    public void Handles_OnlyHelmfiles(string path, bool handled) =>
        Assert.Equal(handled, ManifestKinds.ByName("helmfile-release")!.Handles(path));

    [Fact]
    public void Find_GotmplThatIsNotYaml_IsSkippedNotRead()
    {
        var found = ManifestKinds.ByName("helmfile-release")!.Find("releases:\n{{ range .Values.apps }}\n  - name: {{ . }}\n{{ end }}\n", "helmfile.yaml.gotmpl");

        Assert.Empty(found.Sites);
        Assert.Equal("a helmfile template (.gotmpl) that is not valid YAML until helmfile renders it; not read", Assert.Single(found.Skipped).Reason);
    }

    [Fact]
    public void Bind_HelmfileRange_FloatsAsResolvedByHelmfile()
    {
        var found = Find("repositories: [{name: b, url: https://charts.example.com}]\nreleases: [{name: x, chart: b/x, version: ~1.2}]\n");

        var left = Assert.Single(ReferenceBinder.Bind(found.Sites, TidemarkConfig.Default, FluxObjects.Empty).Ignored);

        Assert.Equal("floating: resolved by helmfile (the chart version is the range \"~1.2\"; never pinned)", left.Reason);
    }

    private static KindFindings Find(string content) => ManifestKinds.ByName("helmfile-release")!.Find(content, "bootstrap/helmfile.yaml");
}
