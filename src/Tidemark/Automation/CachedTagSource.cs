using Tidemark.Registries;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// Reuses a repository's tag listing from the state store while it is younger than <c>maxAge</c>, so a run with
/// nothing new asks no registry; <c>refresh</c> (<c>--refresh</c>) always lists. Tags are cached after exclusions,
/// so a changed <c>exclusionList</c> takes effect once the cached listing expires or with <c>--refresh</c>.
/// </summary>
internal sealed class CachedTagSource(ITagSource registry, ITagCacheReader reader, ITagCacheWriter writer, TimeSpan maxAge, bool refresh) : ITagSource
{
    public async Task<TagListing> ListTagsAsync(RegistryRepository repository, CancellationToken cancellationToken)
    {
        var key = new TagCacheKey(repository.Registry, repository.Repository);
        var cached = await reader.TryGetTagsAsync(new TagCacheQuery(key, maxAge, refresh), cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            return new TagListing(repository, cached.Tags, 0, []);
        }
        var listing = await registry.ListTagsAsync(repository, cancellationToken).ConfigureAwait(false);
        await writer.StoreTagsAsync(key, listing.Tags, cancellationToken).ConfigureAwait(false);
        return listing;
    }
}
