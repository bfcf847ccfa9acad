namespace Tidemark.State;

/// <summary>Stores tag listings, stamped with the current time.</summary>
internal interface ITagCacheWriter
{
    Task StoreTagsAsync(TagCacheKey key, IReadOnlyList<string> tags, CancellationToken cancellationToken);
}
