using Tidemark.Manifests.Yaml;
using Tidemark.Versions;

namespace Tidemark.Manifests;

/// <summary>What the Flux source kinds share: API groups, object identity, version-or-range.</summary>
internal static class FluxSources
{
    public const string SourceGroup = "source.toolkit.fluxcd.io/";
    public const string HelmGroup = "helm.toolkit.fluxcd.io/";

    /// <summary>Whether <paramref name="root"/> is an object of <paramref name="kind"/> in API group <paramref name="group"/>.</summary>
    public static bool Is(YamlMapping root, string group, string kind) =>
        root.Text("kind") == kind && (root.Text("apiVersion") ?? "").StartsWith(group, StringComparison.Ordinal);

    /// <summary>The object's namespace or null (Flux objects often get theirs from a Kustomization).</summary>
    public static string? Namespace(YamlMapping root) => (root.Get("metadata") as YamlMapping)?.Text("namespace");

    /// <summary>"HelmRelease apps/podinfo", or "HelmRelease podinfo" without a namespace.</summary>
    public static string Holder(string kind, YamlMapping root)
    {
        var metadata = root.Get("metadata") as YamlMapping;
        var name = metadata?.Text("name") ?? "(unnamed)";
        return metadata?.Text("namespace") is { } ns ? $"{kind} {ns}/{name}" : $"{kind} {name}";
    }

    /// <summary>
    /// Whether a version field holds a range Flux resolves (<c>1.x</c>, <c>&gt;=1.0 &lt;2</c>, <c>^1.2</c>, <c>*</c>) rather
    /// than one version: anything that is not a plain SemVer version (a leading <c>v</c> allowed).
    /// </summary>
    public static bool IsRange(string version) => !SemanticVersion.TryParseTag(version, out _);
}

/// <summary>
/// A Flux object's identity: <c>metadata.namespace</c> (null when the file leaves it to the Kustomization that applies it)
/// and <c>metadata.name</c>. References between Flux objects (a HelmRelease's <c>chartRef</c>) match by this, never by display text.
/// </summary>
internal sealed record FluxObjectId(string? Namespace, string Name)
{
    /// <summary>The object's identity, or null without a name.</summary>
    public static FluxObjectId? Of(YamlMapping root) =>
        (root.Get("metadata") as YamlMapping)?.Text("name") is { Length: > 0 } name ? new FluxObjectId(FluxSources.Namespace(root), name) : null;

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
