using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmReleaseChart;

/// <summary>
/// The chart version of a Flux <c>HelmRelease</c> (<c>helm.toolkit.fluxcd.io</c> v2beta1/v2beta2/v2):
/// <c>spec.chart.spec.{chart, version, sourceRef}</c> with a <c>sourceRef</c> to a <c>HelmRepository</c>. The site is
/// found here with its <see cref="ChartSource"/>; the repository-wide pass (<see cref="ChartResolver"/>) looks the
/// HelmRepository up and gives the site its reference. A version range (<c>1.x</c>, <c>&gt;=1.0 &lt;2</c>) or no version
/// (Flux takes the newest, <c>*</c>) floats: reported, never pinned. A chart from a GitRepository or Bucket has no
/// version to look up and is skipped with that reason; <c>spec.chartRef</c> is resolved through its OCIRepository.
/// </summary>
internal sealed class HelmReleaseChartKind : IManifestKind
{
    public string Name => "helmrelease-chart";

    public bool Handles(string path) => YamlKinds.IsYaml(path);

    public bool Screen(string content) => content.Contains("HelmRelease", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is { } file)
        {
            foreach (var document in file.Documents)
            {
                if (document.Root is YamlMapping root && FluxSources.Is(root, FluxSources.HelmGroup, "HelmRelease")
                    && root.Get("spec") is YamlMapping spec && spec.Get("chart") is YamlMapping chart
                    && chart.Get("spec") is YamlMapping chartSpec)
                {
                    Add(root, chartSpec, findings);
                }
            }
        }
        return findings.ToFindings();
    }

    private static void Add(YamlMapping root, YamlMapping spec, Findings findings)
    {
        var holder = FluxSources.Holder("HelmRelease", root);
        if (spec.Scalar("chart") is not { } chart || chart.Value.Length == 0)
        {
            findings.Skip(spec.Line, $"{holder} has no spec.chart.spec.chart");
            return;
        }
        var sourceRef = spec.Get("sourceRef") as YamlMapping;
        var sourceKind = sourceRef?.Text("kind") ?? "HelmRepository";
        if (sourceKind != "HelmRepository")
        {
            findings.Skip(chart.Line, $"{holder}: chart {chart.Value} comes from a {sourceKind}, whose files are the chart; there is no version to look up");
            return;
        }
        if (sourceRef?.Text("name") is not { Length: > 0 } sourceName)
        {
            findings.Skip(chart.Line, $"{holder}: spec.chart.spec.sourceRef has no name; set it to the HelmRepository's name");
            return;
        }
        var source = new ChartSource(chart.Value, sourceKind, sourceName, sourceRef.Text("namespace"), FluxSources.Namespace(root));
        var version = spec.Scalar("version");
        if (version is null || FluxSources.IsRange(version.Value))
        {
            var range = version?.Value is { Length: > 0 } text ? text : "*";
            var at = version?.ValueSpan?.Start ?? version?.Span.Start ?? chart.Span.Start;
            findings.Add(null, $"{chart.Value} {range}", [], at,
                site => site with { Artifact = ArtifactKind.HelmChart, Holder = holder, Floating = range, Chart = source });
            return;
        }
        if (version.Target(TargetPart.Tag) is not { } target)
        {
            findings.Skip(version.Line, $"{holder}: version \"{version.Value}\" is written with escapes or over several lines; it cannot be edited in place");
            return;
        }
        findings.Add(null, $"{chart.Value}:{version.Value}", [target], target.Span.Start,
            site => site with { Artifact = ArtifactKind.HelmChart, Holder = holder, Chart = source });
    }
}
