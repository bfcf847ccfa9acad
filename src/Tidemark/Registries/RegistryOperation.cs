namespace Tidemark.Registries;

/// <summary>
/// What the client is doing, for messages and auth scopes: <c>listing tags of quay.io/jetstack/cert-manager-controller</c>.
/// </summary>
internal sealed record RegistryOperation(RegistryRepository Repository, RequestKind Kind, string Description)
{
    /// <summary>The distribution token scope: <c>repository:jetstack/cert-manager-controller:pull</c>.</summary>
    public string Scope => $"repository:{Repository.Repository}:pull";

    public static RegistryOperation ListTags(RegistryRepository repository) =>
        new(repository, RequestKind.TagPage, $"listing tags of {repository}");

    public static RegistryOperation ReadDigest(RegistryRepository repository, string tag) =>
        new(repository, RequestKind.ManifestHead, $"reading the digest of {repository}:{tag}");
}
