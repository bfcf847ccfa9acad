using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmReleaseChart;

/// <summary>
/// A HelmRelease whose chart is an <c>OCIRepository</c> (<c>spec.chartRef: {kind: OCIRepository, name: podinfo}</c>):
/// the chart version is that object's <c>spec.ref.tag</c>, so <see cref="ChartResolver"/> lists the OCIRepository's
/// site as this HelmRelease's chart. <see cref="Target"/> is the object it names: <c>chartRef.namespace</c>, else the
/// HelmRelease's own namespace (as Flux defaults it), else null (the file leaves the namespace to a Kustomization).
/// <see cref="File"/> and <see cref="Line"/> place the <c>chartRef</c>, for a skipped entry when no object or several match.
/// </summary>
internal sealed record ChartRefSource(FluxObjectId Target, string Holder, string File, int Line)
{
    /// <summary>Whether the HelmRelease is under the configured <c>paths:</c>: only then is an unmatched chartRef reported (it still labels its OCIRepository either way).</summary>
    public bool InPaths { get; init; } = true;

    /// <summary>The HelmReleases with an OCIRepository <c>chartRef</c> in one file's text (pure; invalid YAML gives none, discovery reports it).</summary>
    public static IReadOnlyList<ChartRefSource> Read(string content, string file)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.Contains("chartRef", StringComparison.Ordinal))
        {
            return [];
        }
        var yaml = YamlReader.Read(content);
        if (!yaml.IsValid)
        {
            return [];
        }
        var found = new List<ChartRefSource>();
        foreach (var document in yaml.Documents)
        {
            if (document.Root is YamlMapping root && FluxSources.Is(root, FluxSources.HelmGroup, "HelmRelease")
                && root.Get("spec") is YamlMapping spec && spec.Get("chartRef") is YamlMapping chartRef
                && chartRef.Text("kind") == "OCIRepository" && chartRef.Text("name") is { Length: > 0 } name)
            {
                var target = new FluxObjectId(chartRef.Text("namespace") ?? FluxSources.Namespace(root), name);
                found.Add(new ChartRefSource(target, FluxSources.Holder("HelmRelease", root), file, chartRef.Line));
            }
        }
        return found;
    }

    /// <summary>
    /// The OCIRepository objects among <paramref name="objects"/> this may name. With a known namespace: those in it,
    /// else those whose file leaves the namespace open; without one: every object of that name.
    /// </summary>
    public IReadOnlyList<FluxObjectId> Candidates(IEnumerable<FluxObjectId> objects)
    {
        var named = objects.Where(o => o.Name == Target.Name).Distinct().ToList();
        if (Target.Namespace is null)
        {
            return named;
        }
        var exact = named.Where(o => o.Namespace == Target.Namespace).ToList();
        return exact.Count > 0 ? exact : named.Where(o => o.Namespace is null).ToList();
    }
}
