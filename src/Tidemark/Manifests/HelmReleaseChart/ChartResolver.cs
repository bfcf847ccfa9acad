namespace Tidemark.Manifests.HelmReleaseChart;

/// <summary>
/// The repository-wide pass after discovery: each HelmRelease chart site (<see cref="ReferenceSite.Chart"/>) gets its
/// reference from the HelmRepository its <c>sourceRef</c> names. An OCI HelmRepository
/// (<c>oci://ghcr.io/org/charts</c>) gives the image-like reference <c>ghcr.io/org/charts/podinfo:6.5.0</c>, looked up
/// with the registry client; an HTTP(S) one gives registry <c>https://charts.example</c> and repository
/// <c>podinfo</c>, looked up in the repository's <c>index.yaml</c>. A site whose HelmRepository is missing or ambiguous
/// becomes a skipped entry with the reason and the fix.
/// </summary>
internal static class ChartResolver
{
    public static DiscoveryResult Resolve(DiscoveryResult discovery, IReadOnlyList<HelmRepositorySource> repositories, IReadOnlyList<ChartRefSource>? chartRefs = null)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        ArgumentNullException.ThrowIfNull(repositories);
        chartRefs ??= [];
        if (!discovery.Sites.Any(s => s.Chart is not null) && chartRefs.Count == 0)
        {
            return discovery;
        }
        var sites = new List<ReferenceSite>();
        var skipped = new List<Skipped>(discovery.Skipped);
        var releases = ChartRefReleases(discovery.Sites, chartRefs, skipped);
        foreach (var site in discovery.Sites)
        {
            if (site.Chart is not { } chart)
            {
                sites.Add(site.FluxObject is { } id && releases.TryGetValue(id, out var names) && site.Artifact == ArtifactKind.OciArtifact
                    ? site with { Artifact = ArtifactKind.HelmChart, Holder = $"{string.Join(", ", names)} via {site.Holder}" }
                    : site);
                continue;
            }
            switch (Resolve(site, chart, repositories))
            {
                case ReferenceSite resolved:
                    sites.Add(resolved);
                    break;
                case Skipped skip:
                    skipped.Add(skip);
                    break;
            }
        }
        return discovery with { Sites = sites, Skipped = [.. skipped.OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line)] };
    }

    /// <summary>
    /// Which HelmReleases use each OCIRepository as their chart (<c>spec.chartRef</c>), matched by namespace and name
    /// (<see cref="ChartRefSource.Candidates"/>, narrowed by <see cref="Beside"/>). A chartRef that matches no OCIRepository
    /// of the repository, or several, is a skipped entry at the chartRef with the reason; the OCIRepositories then stay artifacts.
    /// </summary>
    private static Dictionary<FluxObjectId, List<string>> ChartRefReleases(IReadOnlyList<ReferenceSite> sites, IReadOnlyList<ChartRefSource> chartRefs, List<Skipped> skipped)
    {
        var releases = new Dictionary<FluxObjectId, List<string>>();
        var objects = sites.Where(s => s.Artifact == ArtifactKind.OciArtifact).Select(s => s.FluxObject).OfType<FluxObjectId>().Distinct().ToList();
        foreach (var chartRef in chartRefs)
        {
            var candidates = Beside(chartRef, chartRef.Candidates(objects), sites);
            if (candidates.Count != 1 && !chartRef.InPaths)
            {
                continue;
            }
            var place = chartRef.Target.Namespace is null ? $"{chartRef.Target.Name} (in the namespace a Kustomization gives it)" : chartRef.Target.ToString();
            switch (candidates.Count)
            {
                case 0:
                    skipped.Add(new Skipped(chartRef.File, chartRef.Line, $"{chartRef.Holder}: spec.chartRef names OCIRepository {place}, which is not in the repository (or is skipped itself); its chart version is not looked up here"));
                    break;
                case > 1:
                    var where = string.Join(", ", candidates.Select(c => sites.First(site => site.FluxObject == c)).Select(site => $"{site.FluxObject} at {site.File}:{site.Line}"));
                    skipped.Add(new Skipped(chartRef.File, chartRef.Line, $"{chartRef.Holder}: spec.chartRef names OCIRepository {place}, which matches {candidates.Count} objects ({where}); set chartRef.namespace, or metadata.namespace on the OCIRepositories, so exactly one matches"));
                    break;
                default:
                    if (!releases.TryGetValue(candidates[0], out var names))
                    {
                        releases[candidates[0]] = names = [];
                    }
                    if (!names.Contains(chartRef.Holder, StringComparer.Ordinal))
                    {
                        names.Add(chartRef.Holder);
                        names.Sort(StringComparer.Ordinal);
                    }
                    break;
            }
        }
        return releases;
    }

    /// <summary>
    /// Of several candidates for a chartRef whose namespace the file leaves open, the one OCIRepository without a namespace
    /// in the HelmRelease's own file: one Kustomization applies both and gives them the same namespace, the one Flux looks
    /// in, so that object is the chart whatever the namespace turns out to be (any other candidate could only be the same
    /// object). Otherwise the candidates as they are.
    /// </summary>
    private static IReadOnlyList<FluxObjectId> Beside(ChartRefSource chartRef, IReadOnlyList<FluxObjectId> candidates, IReadOnlyList<ReferenceSite> sites)
    {
        if (candidates.Count < 2 || chartRef.Target.Namespace is not null)
        {
            return candidates;
        }
        var beside = candidates.Where(c => c.Namespace is null && sites.Any(s => s.FluxObject == c && s.File == chartRef.File)).ToList();
        return beside.Count == 1 ? beside : candidates;
    }

    private static object Resolve(ReferenceSite site, ChartSource chart, IReadOnlyList<HelmRepositorySource> repositories)
    {
        var ns = chart.SourceNamespace ?? chart.Namespace;
        var named = repositories.Where(r => r.Name == chart.SourceName).ToList();
        var candidates = ns is null ? named : named.Where(r => r.Namespace is null || r.Namespace == ns).ToList();
        var place = ns is null ? chart.SourceName : $"{ns}/{chart.SourceName}";
        if (candidates.Count == 0)
        {
            var hint = named.Count == 0 ? "no HelmRepository with that name was found in the repository" : $"one exists in namespace {named[0].Namespace} ({named[0].File}:{named[0].Line}); set sourceRef.namespace";
            var floats = site.Floating is { } range ? $" floats ({(range == "*" ? "no version: Flux installs the newest" : $"version range \"{range}\"")}) and" : "";
            return new Skipped(site.File, site.Line, $"{site.Holder}: chart {chart.Chart}{floats} comes from HelmRepository {place}: {hint}, so it is not looked up");
        }
        if (candidates.Select(c => (c.Url, c.IsOci)).Distinct().Count() > 1)
        {
            return new Skipped(site.File, site.Line, $"{site.Holder}: HelmRepository {place} is defined more than once with different URLs ({string.Join(", ", candidates.Select(c => $"{c.File}:{c.Line}"))}); give it a namespace");
        }
        var repository = candidates[0];
        var tag = site.Floating is null ? site.Targets[0].CurrentText : null;
        var (reference, error) = ChartReferences.Of(repository.Url, repository.IsOci, chart.Chart, tag);
        return reference is null
            ? new Skipped(site.File, site.Line, $"{site.Holder}: HelmRepository {place} ({repository.File}:{repository.Line}) spec.url {error}")
            : site with { Image = reference, Chart = null };
    }
}
