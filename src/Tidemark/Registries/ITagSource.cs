namespace Tidemark.Registries;

/// <summary>Lists the tags of a repository, e.g. <c>docker.io/library/nginx</c> → <c>["1.27", "1.27-alpine", ...]</c>.</summary>
internal interface ITagSource
{
    Task<TagListing> ListTagsAsync(RegistryRepository repository, CancellationToken cancellationToken);
}
