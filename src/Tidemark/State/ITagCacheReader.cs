namespace Tidemark.State;

/// <summary>Reads cached tag listings.</summary>
internal interface ITagCacheReader
{
    /// <summary>The cached listing if fresher than the query's max age and not a refresh; otherwise null.</summary>
    Task<CachedTags?> TryGetTagsAsync(TagCacheQuery query, CancellationToken cancellationToken);
}
