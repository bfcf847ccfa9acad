namespace Tidemark.Registries;

/// <summary>Lists the tags of a repository, e.g. <c>docker.io/library/nginx</c> → <c>["1.27", "1.27-alpine", ...]</c>.</summary>
internal interface ITagSource
{
    Task<TagListing> ListTagsAsync(RegistryRepository repository, CancellationToken cancellationToken);

    /// <summary>
    /// The credential <paramref name="repository"/>'s listing is fetched with, when it is not the same for every
    /// repository the process serves (a mounted Secret, the operator's credentials for its host): e.g.
    /// <c>secret registry-pull (/var/run/secrets/tidemark/registry-pull/.dockerconfigjson)</c>; null when anonymous or
    /// Docker's own config. A cache keeps listings fetched with different credentials apart.
    /// </summary>
    string? CredentialScope(RegistryRepository repository) => null;
}
