using Tidemark.Manifests.ArgoCdApplications;
using Tidemark.Manifests.ChartDependencies;
using Tidemark.Manifests.Compose;
using Tidemark.Manifests.Dockerfile;
using Tidemark.Manifests.Embedded;
using Tidemark.Manifests.FluxSetters;
using Tidemark.Manifests.GitHubActions;
using Tidemark.Manifests.Helmfile;
using Tidemark.Manifests.HelmRelease;
using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Manifests.HelmTemplate;
using Tidemark.Manifests.HelmValues;
using Tidemark.Manifests.HelmValuesCharts;
using Tidemark.Manifests.Kubernetes;
using Tidemark.Manifests.Kustomize;
using Tidemark.Manifests.KustomizeHelmCharts;
using Tidemark.Manifests.OciRepository;
using Tidemark.Manifests.RenovateAnnotations;

namespace Tidemark.Manifests;

/// <summary>
/// Every manifest kind, one registration line each. Order matters when two kinds find the same text: the
/// walker keeps the first (a Flux setter marker wins over the plain finders, so its policy is kept).
/// </summary>
internal static class ManifestKinds
{
    public static IReadOnlyList<IManifestKind> All { get; } =
    [
        new FluxSetterKind(),
        new KubernetesKind(),
        new KustomizeKind(),
        new HelmValuesKind(),
        new HelmReleaseKind(),
        new HelmReleaseChartKind(),
        new OciRepositoryKind(),
        new KustomizeHelmChartKind(),
        new ChartDependencyKind(),
        new ArgoCdApplicationChartKind(),
        new HelmfileReleaseKind(),
        new HelmValuesChartKind(),
        new ComposeKind(),
        new DockerfileKind(),
        new GitHubActionsKind(),
        new HelmTemplateKind(),
        new EmbeddedKind(),
        // last: where a structural kind reads the same value (a Helm tag), its site (with the repository beside it) is kept
        new RenovateAnnotationKind(),
    ];

    /// <summary>The kind named <paramref name="name"/> (e.g. <c>kubernetes</c>), or null.</summary>
    public static IManifestKind? ByName(string name) => All.FirstOrDefault(k => k.Name == name);
}
