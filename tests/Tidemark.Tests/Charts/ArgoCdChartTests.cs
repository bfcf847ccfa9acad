using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests;

namespace Tidemark.Tests.Charts;

public sealed class ArgoCdChartTests
{
    [Fact]
    public void Find_ApplicationSources_GivesHttpAndOciChartsAndPassesGitSourcesOver()
    {
        var found = Find("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: web, namespace: argocd}
            spec:
              source: {repoURL: "https://charts.bitnami.com/bitnami/", chart: redis, targetRevision: 18.1.0}
              sources:
                - {repoURL: ghcr.io/stefanprodan/charts, chart: podinfo, targetRevision: "6.5.0"}
                - {repoURL: oci://registry-1.docker.io/bitnamicharts, chart: nginx, targetRevision: 15.0.0}
                - {repoURL: https://github.com/org/config.git, targetRevision: HEAD, ref: values}
                - {repoURL: https://github.com/org/config.git, targetRevision: main, path: apps/web}
            """);

        Assert.Equal(
            [("https://charts.bitnami.com/bitnami", "redis", "18.1.0"), ("ghcr.io", "stefanprodan/charts/podinfo", "6.5.0"), ("registry-1.docker.io", "bitnamicharts/nginx", "15.0.0")],
            found.Sites.Select(s => (s.Image!.Registry, s.Image.Repository, s.Image.Tag)));
        Assert.All(found.Sites, s => Assert.Equal((ArtifactKind.HelmChart, "Application argocd/web", "argocd-application-chart", 1), (s.Artifact, s.Holder, s.Kind, s.Targets.Count)));
        Assert.Empty(found.Skipped);
    }

    [Theory]
    [InlineData("1.2.*")]
    [InlineData(">=1.0")]
    [InlineData("HEAD")]
    public void Find_TargetRevisionThatIsNotOneVersion_FloatsWithoutTargets(string revision)
    {
        var site = Assert.Single(Find($"apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {{name: app}}\nspec:\n  source:\n    repoURL: https://charts.example.com\n    chart: app\n    targetRevision: \"{revision}\"\n").Sites);

        Assert.Equal((revision, 8), (site.Floating, site.Line));
        Assert.Empty(site.Targets);
    }

    [Fact]
    public void Find_ApplicationSetTemplate_ReadsItsSourcesAndSkipsGeneratorTemplates()
    {
        var found = Find("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: {name: addons, namespace: argocd}
            spec:
              generators: [{list: {elements: [{cluster: a, chart: podinfo}]}}]
              template:
                metadata: {name: 'addons-{{cluster}}'}
                spec:
                  source: {repoURL: https://prometheus-community.github.io/helm-charts, chart: kube-prometheus-stack, targetRevision: 58.0.0}
                  sources:
                    - repoURL: ghcr.io/stefanprodan/charts
                      chart: '{{chart}}'
                      targetRevision: 6.5.0
                    - repoURL: https://charts.example.com
                      chart: app
                      targetRevision: '{{.version}}'
            """);

        Assert.Equal((ArtifactKind.HelmChart, "kube-prometheus-stack:58.0.0", "ApplicationSet argocd/addons"), (Assert.Single(found.Sites).Artifact, found.Sites[0].Written, found.Sites[0].Holder));
        Assert.Equal(
            [(12, "ApplicationSet argocd/addons: source chart is a template ({{…}}), only known once the ApplicationSet's generator runs; not looked up"),
             (16, "ApplicationSet argocd/addons: source targetRevision is a template ({{…}}), only known once the ApplicationSet's generator runs; not looked up")],
            found.Skipped.Select(s => (s.Line, s.Reason)));
    }

    [Fact]
    public void Find_ChartWithoutRepoUrlOrWithCredentials_IsSkippedWithTheReason()
    {
        var found = Find("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: app}
            spec:
              sources:
                - {chart: nothing, targetRevision: 1.0.0}
                - {repoURL: "https://bot:hunter2-pw@charts.example/", chart: private, targetRevision: 1.0.0}
            """);

        Assert.Empty(found.Sites);
        Assert.Collection(found.Skipped,
            s => Assert.Contains("Application app: chart nothing has no repoURL", s.Reason, StringComparison.Ordinal),
            s => Assert.Contains("Application app: chart private: repoURL \"https://***@charts.example/\" has credentials in the URL", s.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(found.Skipped, s => s.Reason.Contains("hunter2-pw", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_OtherArgoKindsAndOtherGroups_FindNothing()
    {
        var found = Find("""
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata: {name: default}
            spec:
              source: {repoURL: https://charts.example.com, chart: app, targetRevision: 1.0.0}
            ---
            apiVersion: example.com/v1
            kind: Application
            metadata: {name: app}
            spec:
              source: {repoURL: https://charts.example.com, chart: app, targetRevision: 1.0.0}
            """);

        Assert.Empty(found.Sites);
    }

    [Fact]
    public void Bind_ArgoCdRange_FloatsAsResolvedByArgoCd()
    {
        var found = Find("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: app}\nspec:\n  source: {repoURL: https://charts.example.com, chart: app, targetRevision: 1.2.*}\n");

        var left = Assert.Single(ReferenceBinder.Bind(found.Sites, TidemarkConfig.Default, FluxObjects.Empty).Ignored);

        Assert.Equal("floating: resolved by Argo CD (the chart version is the range \"1.2.*\"; never pinned)", left.Reason);
    }

    private static KindFindings Find(string content) => ManifestKinds.ByName("argocd-application-chart")!.Find(content, "argocd/apps.yaml");
}
