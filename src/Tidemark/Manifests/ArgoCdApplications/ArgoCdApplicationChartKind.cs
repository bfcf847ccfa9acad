using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.ArgoCdApplications;

/// <summary>
/// The Helm chart sources of an Argo CD <c>Application</c> (<c>argoproj.io/v1alpha1</c>): <c>spec.source</c> and each of
/// <c>spec.sources[]</c> with <c>{repoURL, chart, targetRevision}</c>, e.g.
/// <c>{repoURL: https://stefanprodan.github.io/podinfo, chart: podinfo, targetRevision: 6.5.0}</c>. A <c>repoURL</c>
/// without a scheme (<c>ghcr.io/org/charts</c>, as Argo CD writes an OCI Helm repository) or with <c>oci://</c> is an OCI
/// chart repository. <c>targetRevision</c> is the target; a range (<c>1.2.*</c>, <c>&gt;=1.0</c>), <c>HEAD</c> or none
/// floats (Argo CD resolves it: reported, never pinned). A source without <c>chart</c> is a Git source and is passed
/// over silently. An <c>ApplicationSet</c>'s <c>spec.template.spec.source(s)</c> are read the same way; a value with a
/// generator template (<c>{{…}}</c>) is only known once the generator runs and is skipped with that reason.
/// See https://argo-cd.readthedocs.io/en/stable/user-guide/helm/.
/// </summary>
internal sealed class ArgoCdApplicationChartKind : IManifestKind
{
    private const string Group = "argoproj.io/";

    public string Name => "argocd-application-chart";

    public bool Handles(string path) => YamlKinds.IsYaml(path);

    public bool Screen(string content) => content.Contains(Group, StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        foreach (var document in file.Documents)
        {
            if (document.Root is YamlMapping root && ApplicationSpec(root) is { } spec)
            {
                var holder = FluxSources.Holder(root.Text("kind")!, root);
                foreach (var source in Sources(spec))
                {
                    Add(source, holder, findings);
                }
            }
        }
        return findings.ToFindings();
    }

    /// <summary>The spec that holds the sources: an Application's <c>spec</c>, an ApplicationSet's <c>spec.template.spec</c>.</summary>
    private static YamlMapping? ApplicationSpec(YamlMapping root)
    {
        if (!(root.Text("apiVersion") ?? "").StartsWith(Group, StringComparison.Ordinal) || root.Get("spec") is not YamlMapping spec)
        {
            return null;
        }
        return root.Text("kind") switch
        {
            "Application" => spec,
            "ApplicationSet" => (spec.Get("template") as YamlMapping)?.Get("spec") as YamlMapping,
            _ => null,
        };
    }

    private static IEnumerable<YamlMapping> Sources(YamlMapping spec)
    {
        if (spec.Get("source") is YamlMapping source)
        {
            yield return source;
        }
        if (spec.Get("sources") is YamlSequence sources)
        {
            foreach (var item in sources.Items.OfType<YamlMapping>())
            {
                yield return item;
            }
        }
    }

    private static void Add(YamlMapping source, string holder, Findings findings)
    {
        if (source.Get("chart") is not { } chartNode)
        {
            return;
        }
        if (YamlKinds.TemplatedKey(source, "repoURL", "chart", "targetRevision") is { } key)
        {
            findings.Skip(source.Get(key)!.Line, $"{holder}: source {key} is a template ({{{{…}}}}), only known once the ApplicationSet's generator runs; not looked up");
            return;
        }
        if (chartNode is not YamlScalar { Value.Length: > 0 } chart)
        {
            findings.Skip(chartNode.Line, $"{holder}: a source whose chart is not a name");
            return;
        }
        if (source.Text("repoURL") is not { Length: > 0 } repository)
        {
            findings.Skip(chart.Line, $"{holder}: chart {chart.Value} has no repoURL; set it to the Helm repository's URL or OCI registry path");
            return;
        }
        var oci = !repository.Contains("://", StringComparison.Ordinal);
        ChartEntries.Add(findings, chart, source.Scalar("targetRevision"), repository, $"{holder}: chart", "repoURL", holder, oci);
    }
}
