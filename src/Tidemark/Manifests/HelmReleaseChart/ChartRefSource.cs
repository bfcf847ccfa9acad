using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmReleaseChart;

/// <summary>
/// A HelmRelease whose chart is an <c>OCIRepository</c> (<c>spec.chartRef: {kind: OCIRepository, name: podinfo}</c>):
/// the chart version is that object's <c>spec.ref.tag</c>, so <see cref="ChartResolver"/> lists the OCIRepository's
/// site as this HelmRelease's chart. <see cref="Namespace"/> is <c>chartRef.namespace</c>, else the HelmRelease's, else null.
/// </summary>
internal sealed record ChartRefSource(string? Namespace, string Name, string Holder)
{
    public static IReadOnlyList<ChartRefSource> Read(string content)
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
                found.Add(new ChartRefSource(chartRef.Text("namespace") ?? FluxSources.Namespace(root), name, FluxSources.Holder("HelmRelease", root)));
            }
        }
        return found;
    }

    /// <summary>Whether an OCIRepository site's holder (<c>OCIRepository flux-system/podinfo</c>) is the object this names.</summary>
    public bool Names(string? holder) =>
        holder == $"OCIRepository {Namespace}/{Name}" || holder == $"OCIRepository {Name}"
        || (Namespace is null && holder is not null && holder.StartsWith("OCIRepository ", StringComparison.Ordinal) && holder.EndsWith("/" + Name, StringComparison.Ordinal));
}
