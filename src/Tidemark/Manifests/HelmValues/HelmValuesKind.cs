using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmValues;

/// <summary>Image shapes (see <see cref="HelmImageShapes"/>) in Helm values files: <c>values.yaml</c>, <c>values-prod.yml</c>, ….</summary>
internal sealed class HelmValuesKind : IManifestKind
{
    public string Name => "helm-values";

    public bool Handles(string path) => IsValuesFile(path);

    /// <summary>Whether the path names a Helm values file: <c>values.yaml</c>, <c>values-prod.yml</c>, ….</summary>
    public static bool IsValuesFile(string path)
    {
        var name = YamlKinds.FileName(path);
        return name.StartsWith("values", StringComparison.Ordinal) && YamlKinds.IsYaml(name);
    }

    public bool Screen(string content) =>
        content.Contains("image", StringComparison.Ordinal) || content.Contains("Image", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is { } file)
        {
            foreach (var document in file.Documents)
            {
                HelmImageShapes.FindAll(document.Root, findings);
            }
        }
        return findings.ToFindings();
    }
}
