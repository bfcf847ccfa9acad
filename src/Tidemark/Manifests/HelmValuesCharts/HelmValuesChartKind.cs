using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Manifests.HelmValues;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmValuesCharts;

/// <summary>
/// A chart pinned inside Helm values, the pattern charts that deploy other charts use (an app-of-apps chart, a
/// HelmRelease's <c>spec.values</c> passed on to an Argo CD or helmfile template): a mapping under any key with
/// <c>repository</c> (an <c>https://</c> or <c>oci://</c> URL), <c>chart</c> and <c>version</c>, other keys allowed, e.g.
/// <c>ingress: {repository: https://kubernetes.github.io/ingress-nginx, chart: ingress-nginx, version: 4.10.0}</c>.
/// Conservative, since values are free-form: all three must be one-line scalars and <c>repository</c> a URL, else the
/// mapping is not a chart and is passed over silently. The version is the target; a range floats.
/// </summary>
internal sealed class HelmValuesChartKind : IManifestKind
{
    private static readonly string[] Schemes = ["https://", "http://", "oci://"];

    public string Name => "helm-values-chart";

    public bool Handles(string path) => YamlKinds.IsYaml(path);

    public bool Screen(string content) =>
        content.Contains("repository", StringComparison.Ordinal) && content.Contains("chart", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        var valuesFile = HelmValuesKind.IsValuesFile(path);
        if (!valuesFile && !content.Contains("HelmRelease", StringComparison.Ordinal))
        {
            return findings.ToFindings();
        }
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        foreach (var document in file.Documents)
        {
            if (valuesFile)
            {
                YamlKinds.ForEachMapping(document.Root, mapping => Add(mapping, $"values in {path}", findings));
            }
            else if (document.Root is YamlMapping root && FluxSources.Is(root, FluxSources.HelmGroup, "HelmRelease")
                && root.Get("spec") is YamlMapping spec && spec.Get("values") is { } values)
            {
                var holder = $"values of {FluxSources.Holder("HelmRelease", root)}";
                YamlKinds.ForEachMapping(values, mapping => Add(mapping, holder, findings));
            }
        }
        return findings.ToFindings();
    }

    private static void Add(YamlMapping mapping, string holder, Findings findings)
    {
        if (OneLine(mapping, "repository") is not { } repository || OneLine(mapping, "chart") is not { } chart
            || OneLine(mapping, "version") is not { } version || !Schemes.Any(s => repository.Value.StartsWith(s, StringComparison.Ordinal)))
        {
            return;
        }
        ChartEntries.Add(findings, chart, version, repository.Value, $"{holder}: chart", "repository", holder);
    }

    /// <summary>The value of <paramref name="key"/> when it is a non-empty one-line scalar without a template, else null.</summary>
    private static YamlScalar? OneLine(YamlMapping mapping, string key) =>
        mapping.Scalar(key) is { Style: not YamlScalarStyle.Block, Value.Length: > 0 } scalar
            && !scalar.Value.Contains("{{", StringComparison.Ordinal) && !scalar.Value.Contains('\n', StringComparison.Ordinal)
            ? scalar
            : null;
}
