using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmValues;

/// <summary>
/// The image shapes of Helm values, under any key: <c>image: {registry, repository, tag, digest}</c> (<c>version</c> for
/// <c>tag</c> when there is no <c>tag</c>),
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
        var (written, targets) = Composite(parts, repository);
        if (findings.Parse(written, repository.Line) is { } reference)
        {
            findings.Add(reference, written, targets, null, repository.ValueSpan?.Start ?? repository.Span.Start);
        }
    }

    /// <summary>
    /// Adds <c>{registry?, repository, tag|digest}</c> as one reference when <paramref name="parts"/> has that shape and
    /// it parses with a tag or digest; passes anything else over silently (a custom resource's <c>{repository, tag}</c>
    /// may name a Git repository). True when added.
    /// </summary>
    public static bool AddTaggedComposite(YamlMapping parts, Findings findings)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(findings);
        if (NonEmpty(parts.Scalar("repository")) is not { } repository)
        {
            return false;
        }
        var (written, targets) = Composite(parts, repository);
        if (Findings.Tagged(written) is not { } reference)
        {
            return false;
        }
        findings.Add(reference, written, targets, null, repository.ValueSpan?.Start ?? repository.Span.Start);
        return true;
    }

    /// <summary>The reference as written, e.g. <c>docker.io/bitnami/redis:7.2.4</c>, and one target per part present.</summary>
    private static (string Written, List<EditTarget> Targets) Composite(YamlMapping parts, YamlScalar repository)
    {
        var registry = NonEmpty(parts.Scalar("registry"));
        // Some charts write the tag as "version" (Renovate's helm-values manager reads both).
        var tag = NonEmpty(parts.Scalar("tag")) ?? NonEmpty(parts.Scalar("version"));
        var digest = NonEmpty(parts.Scalar("digest"));
        var written = (registry is null ? "" : registry.Value + "/") + repository.Value
            + (tag is null ? "" : ":" + tag.Value) + (digest is null ? "" : "@" + digest.Value);
        var targets = new[]
        {
            registry?.Target(TargetPart.Registry), repository.Target(TargetPart.Name),
            tag?.Target(TargetPart.Tag), digest?.Target(TargetPart.Digest),
        };
        return (written, targets.OfType<EditTarget>().ToList());
    }

    private static YamlScalar? NonEmpty(YamlScalar? scalar) => scalar is { Value.Length: > 0 } ? scalar : null;
}
