using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.FluxSetters;

/// <summary>
/// Builds the full reference around a <c>:tag</c>, <c>:name</c> or <c>:digest</c> marker from the keys beside it
/// (Helm <c>registry</c>/<c>repository</c>/<c>tag</c>/<c>digest</c>, Kustomize <c>name</c>/<c>newName</c>/<c>newTag</c>),
/// e.g. <c>ghcr.io/org/app:1.2.3</c>; null when the name is not beside it.
/// </summary>
internal static class SiblingReference
{
    private static readonly string[] NameKeys = ["newName", "repository", "name", "image"];
    private static readonly string[] TagKeys = ["newTag", "tag"];
    private static readonly string[] DigestKeys = ["digest", "newDigest"];

    public static string? Compose(YamlMapping? parent, YamlScalar scalar, TargetPart part)
    {
        if (parent is null)
        {
            return part == TargetPart.Name ? scalar.Value : null;
        }
        var name = part == TargetPart.Name ? scalar.Value : First(parent, NameKeys);
        if (name is null)
        {
            return null;
        }
        if (part != TargetPart.Name && parent.Text("registry") is { Length: > 0 } registry)
        {
            name = registry + "/" + name;
        }
        var tag = part == TargetPart.Tag ? scalar.Value : First(parent, TagKeys);
        var digest = part == TargetPart.Digest ? scalar.Value : First(parent, DigestKeys);
        return name + (string.IsNullOrEmpty(tag) ? "" : ":" + tag) + (string.IsNullOrEmpty(digest) ? "" : "@" + digest);
    }

    private static string? First(YamlMapping mapping, string[] keys) =>
        keys.Select(mapping.Text).FirstOrDefault(t => !string.IsNullOrEmpty(t));
}
