namespace Tidemark.Manifests;

/// <summary>
/// Where a chart version found in one file is looked up, before the repository-wide pass resolves it: a HelmRelease's
/// <c>spec.chart.spec</c> names <see cref="Chart"/> and a <c>sourceRef</c> to a <c>HelmRepository</c>
/// (<see cref="SourceNamespace"/> null when the object lives in the HelmRelease's namespace, <see cref="Namespace"/>).
/// </summary>
internal sealed record ChartSource(string Chart, string SourceKind, string SourceName, string? SourceNamespace, string? Namespace);
