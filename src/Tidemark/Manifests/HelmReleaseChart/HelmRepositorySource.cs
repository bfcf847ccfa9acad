using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmReleaseChart;

/// <summary>
/// A Flux <c>HelmRepository</c> found in the repository, e.g. <c>flux-system/podinfo</c> at
/// <c>https://stefanprodan.github.io/podinfo</c> (an HTTP(S) repository with an <c>index.yaml</c>), or with
/// <c>spec.type: oci</c> at <c>oci://ghcr.io/stefanprodan/charts</c>. <see cref="Namespace"/> is null when the file
/// does not say it. <see cref="SecretRef"/> is <c>spec.secretRef.name</c>: the Secret holding <c>username</c> and
/// <c>password</c> for Basic auth (null: anonymous).
/// </summary>
internal sealed record HelmRepositorySource(string? Namespace, string Name, string Url, bool IsOci, string File, int Line, string? SecretRef = null)
{
    /// <summary>
    /// The HelmRepositories (OCI ones, or HTTP(S) ones) whose <c>spec.secretRef</c> names the Secret for their URL: the
    /// first with one in file order (by file, then line) when several have one URL.
    /// </summary>
    public static IEnumerable<HelmRepositorySource> SecretHolders(IEnumerable<HelmRepositorySource> repositories, bool oci) =>
        repositories.Where(r => r.IsOci == oci && r.SecretRef is not null)
            .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line)
            .DistinctBy(r => r.Url.TrimEnd('/'), StringComparer.Ordinal);

    /// <summary>The HelmRepository objects in one file's text (pure; invalid YAML gives none, discovery reports it).</summary>
    public static IReadOnlyList<HelmRepositorySource> Read(string content, string file)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.Contains("HelmRepository", StringComparison.Ordinal))
        {
            return [];
        }
        var yaml = YamlReader.Read(content);
        if (!yaml.IsValid)
        {
            return [];
        }
        var found = new List<HelmRepositorySource>();
        foreach (var document in yaml.Documents)
        {
            if (document.Root is YamlMapping root && FluxSources.Is(root, FluxSources.SourceGroup, "HelmRepository")
                && (root.Get("metadata") as YamlMapping)?.Text("name") is { Length: > 0 } name
                && root.Get("spec") is YamlMapping spec && spec.Text("url") is { Length: > 0 } url)
            {
                var oci = spec.Text("type") == "oci" || url.StartsWith("oci://", StringComparison.Ordinal);
                var secret = (spec.Get("secretRef") as YamlMapping)?.Text("name") is { Length: > 0 } secretName ? secretName : null;
                found.Add(new HelmRepositorySource(FluxSources.Namespace(root), name, url, oci, file, root.Line, secret));
            }
        }
        return found;
    }
}
