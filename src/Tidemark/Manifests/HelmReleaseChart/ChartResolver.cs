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
        foreach (var site in discovery.Sites)
        {
            if (site.Chart is not { } chart)
            {
                sites.Add(ThroughChartRef(site, chartRefs));
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

    /// <summary>An OCIRepository that HelmReleases use as their chart (<c>spec.chartRef</c>) is listed as their chart.</summary>
    private static ReferenceSite ThroughChartRef(ReferenceSite site, IReadOnlyList<ChartRefSource> chartRefs)
    {
        if (site.Artifact != ArtifactKind.OciArtifact || chartRefs.Where(r => r.Names(site.Holder)).Select(r => r.Holder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() is not { Count: > 0 } releases)
        {
            return site;
        }
        return site with { Artifact = ArtifactKind.HelmChart, Holder = $"{string.Join(", ", releases)} via {site.Holder}" };
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
