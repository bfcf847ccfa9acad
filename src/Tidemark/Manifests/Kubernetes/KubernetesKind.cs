using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.Kubernetes;

/// <summary>
/// The <c>image</c> of every container in any object: <c>containers</c>, <c>initContainers</c> and
/// <c>ephemeralContainers</c> sequences of mappings found under any path, so Pods, workloads, CronJobs,
/// <c>List</c> items and custom resources that embed a pod spec are all covered, in every document. Then the
/// images a Kubernetes object holds elsewhere (<see cref="ObjectImages"/>), each found once.
/// </summary>
internal sealed class KubernetesKind : IManifestKind
{
    public string Name => "kubernetes";

    public bool Handles(string path) => YamlKinds.IsYaml(path);

    // "image" covers containers, imageName and most custom resources; "repository" a {repository, tag} map.
    public bool Screen(string content) =>
        content.Contains("image", StringComparison.Ordinal) || content.Contains("repository", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        foreach (var document in file.Documents)
        {
            var claimed = new HashSet<int>();
            YamlKinds.ForEachMapping(document.Root, mapping => AddContainers(mapping, claimed, findings));
            ObjectImages.Find(document.Root, claimed, findings);
        }
        return findings.ToFindings();
    }

    private static void AddContainers(YamlMapping mapping, HashSet<int> claimed, Findings findings)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is not { } key || key is not ("containers" or "initContainers" or "ephemeralContainers") || entry.Value is not YamlSequence containers)
            {
                continue;
            }
            foreach (var container in containers.Items.OfType<YamlMapping>())
            {
                switch (container.Get("image"))
                {
                    case YamlScalar image:
                        claimed.Add(image.Span.Start);
                        findings.AddWhole(image);
                        break;
                    case YamlAlias alias:
                        findings.Skip(alias.Line, $"the image is an alias (*{alias.Anchor}); the anchored value is edited where it is written");
                        break;
                    default:
                        break;
                }
            }
        }
    }
}
