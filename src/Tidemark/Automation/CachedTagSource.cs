using Tidemark.Registries;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// Reuses a repository's tag listing from the state store while it is younger than <c>maxAge</c>, so a run with
/// nothing new asks no registry; <c>refresh</c> (<c>--refresh</c>) always lists. Tags are cached after exclusions,
/// so a changed <c>exclusionList</c> takes effect once the cached listing expires or with <c>--refresh</c>. Listings
/// fetched with different credentials are kept apart (<see cref="ITagSource.CredentialScope"/>).
/// </summary>
internal sealed class CachedTagSource(ITagSource registry, ITagCacheReader reader, ITagCacheWriter writer, TimeSpan maxAge, bool refresh) : ITagSource
{
    public async Task<TagListing> ListTagsAsync(RegistryRepository repository, CancellationToken cancellationToken)
    {
        var key = Key(repository);
        var cached = await reader.TryGetTagsAsync(new TagCacheQuery(key, maxAge, refresh), cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            return new TagListing(repository, cached.Tags, 0, []);
        }
        var listing = await registry.ListTagsAsync(repository, cancellationToken).ConfigureAwait(false);
        await writer.StoreTagsAsync(key, listing.Tags, cancellationToken).ConfigureAwait(false);
        return listing;
    }

    public string? CredentialScope(RegistryRepository repository) => registry.CredentialScope(repository);

    /// <summary>
    /// The repository, and for a listing fetched with a credential not every repository of the store has (a mounted
    /// Secret, the operator's credentials), a hash of that credential's source: one store serves many repositories
    /// (<c>serve</c>), and one that could not fetch a private listing must not read it from the cache.
    /// </summary>
    private TagCacheKey Key(RegistryRepository repository)
    {
        var scope = registry.CredentialScope(repository);
        var registryKey = scope is null
            ? repository.Registry
            : repository.Registry + "#" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scope)))[..16];
        return new TagCacheKey(registryKey, repository.Repository);
    }
}
