using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.KustomizeHelmCharts;

/// <summary>
/// The <c>helmCharts:</c> of a <c>kustomization.yaml</c> (Kustomize's Helm chart inflation):
/// <c>- {name: podinfo, repo: https://stefanprodan.github.io/podinfo, version: 6.5.0}</c>, or an <c>oci://</c> repo.
/// The chart version is the target; a range or no version floats (reported, never pinned); an entry without a
/// <c>repo</c> is a local chart and is skipped with that reason.
/// </summary>
internal sealed class KustomizeHelmChartKind : IManifestKind
{
    public string Name => "kustomize-helm-chart";

    public bool Handles(string path) => YamlKinds.FileName(path) is "kustomization.yaml" or "kustomization.yml" or "Kustomization";

    public bool Screen(string content) => content.Contains("helmCharts", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        foreach (var document in file.Documents)
        {
            if (document.Root is YamlMapping root && root.Get("helmCharts") is YamlSequence charts)
            {
                foreach (var chart in charts.Items.OfType<YamlMapping>())
                {
                    Add(chart, findings);
                }
            }
        }
        return findings.ToFindings();
    }

    private static void Add(YamlMapping entry, Findings findings)
    {
        var holder = $"helmCharts of {findings.Path}";
        if (entry.Scalar("name") is not { Value.Length: > 0 } name)
        {
            findings.Skip(entry.Line, "a helmCharts entry without name");
            return;
        }
        if (entry.Text("repo") is not { Length: > 0 } repo)
        {
            findings.Skip(name.Line, $"helmCharts entry {name.Value} has no repo: a local chart, with no version to look up");
            return;
        }
        ChartEntries.Add(findings, name, entry.Scalar("version"), repo, "helmCharts entry", "repo", holder);
    }
}
