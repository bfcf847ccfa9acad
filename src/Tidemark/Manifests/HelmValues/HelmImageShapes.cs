using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmValues;

/// <summary>
/// The image shapes of Helm values, under any key: <c>image: {registry, repository, tag, digest}</c>,
/// <c>image: "repo:tag"</c>, and <c>{repository, tag}</c> under any key ending in <c>image</c>/<c>Image</c>
/// (e.g. <c>controller: {image: {repository: …, tag: …}}</c>, <c>sidecarImage: {repository: …}</c>).
/// A composite reference is built from its parts; its targets are the individual scalars.
/// </summary>
internal static class HelmImageShapes
{
    /// <summary>Adds every image under <paramref name="root"/> to <paramref name="findings"/>.</summary>
    public static void FindAll(YamlNode? root, Findings findings)
    {
        YamlKinds.ForEachMapping(root, mapping =>
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.KeyText is { } key && IsImageKey(key))
                {
                    AddImage(entry.Value, findings);
                }
            }
        });
    }

    private static bool IsImageKey(string key) =>
        key.EndsWith("image", StringComparison.Ordinal) || key.EndsWith("Image", StringComparison.Ordinal);

    private static void AddImage(YamlNode value, Findings findings)
    {
        switch (value)
        {
            case YamlScalar scalar when scalar.Value.Length > 0:
                findings.AddWhole(scalar);
                break;
            case YamlMapping parts when parts.Scalar("repository") is { } repository:
                AddComposite(parts, repository, findings);
                break;
            default:
                break;
        }
    }

    private static void AddComposite(YamlMapping parts, YamlScalar repository, Findings findings)
    {
        var registry = NonEmpty(parts.Scalar("registry"));
        var tag = NonEmpty(parts.Scalar("tag"));
        var digest = NonEmpty(parts.Scalar("digest"));
        var written = (registry is null ? "" : registry.Value + "/") + repository.Value
            + (tag is null ? "" : ":" + tag.Value) + (digest is null ? "" : "@" + digest.Value);
        if (findings.Parse(written, repository.Line) is not { } reference)
        {
            return;
        }
        var targets = new[]
        {
            registry?.Target(TargetPart.Registry), repository.Target(TargetPart.Name),
            tag?.Target(TargetPart.Tag), digest?.Target(TargetPart.Digest),
        };
        findings.Add(reference, written, targets.OfType<EditTarget>().ToList(), null, repository.ValueSpan?.Start ?? repository.Span.Start);
    }

    private static YamlScalar? NonEmpty(YamlScalar? scalar) => scalar is { Value.Length: > 0 } ? scalar : null;
}
