using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.Compose;

/// <summary>
/// <c>services.*.image</c> in <c>compose*.y*ml</c> and <c>docker-compose*.y*ml</c>, e.g. <c>image: postgres:16.4</c>,
/// or <c>*.image</c> in a version 1 file (no <c>services:</c> key).
/// </summary>
internal sealed class ComposeKind : IManifestKind
{
    public string Name => "compose";

    public bool Handles(string path)
    {
        var name = YamlKinds.FileName(path);
        return (name.StartsWith("compose", StringComparison.Ordinal) || name.StartsWith("docker-compose", StringComparison.Ordinal))
            && YamlKinds.IsYaml(name);
    }

    public bool Screen(string content) => content.Contains("image", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is { } file)
        {
            foreach (var document in file.Documents)
            {
                // The version 1 format has no "services:" key: the services are the top-level keys.
                if (document.Root is YamlMapping root && (root.Get("services") ?? root) is YamlMapping services)
                {
                    foreach (var service in services.Entries.Select(e => e.Value).OfType<YamlMapping>())
                    {
                        if (service.Scalar("image") is { } image)
                        {
                            findings.AddWhole(image);
                        }
                    }
                }
            }
        }
        return findings.ToFindings();
    }
}
