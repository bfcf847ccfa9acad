using Tidemark.Manifests.HelmValues;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmRelease;

/// <summary>The Helm image shapes in <c>spec.values</c> of a Flux <c>HelmRelease</c>, in any YAML file and document.</summary>
internal sealed class HelmReleaseKind : IManifestKind
{
    public string Name => "helmrelease";

    public bool Handles(string path) => YamlKinds.IsYaml(path);

    public bool Screen(string content) => content.Contains("HelmRelease", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is { } file)
        {
            foreach (var document in file.Documents)
            {
                if (document.Root is YamlMapping { } root && root.Text("kind") == "HelmRelease"
                    && root.Get("spec") is YamlMapping spec && spec.Get("values") is { } values)
                {
                    HelmImageShapes.FindAll(values, findings);
                }
            }
        }
        return findings.ToFindings();
    }
}
