using System.Collections.Concurrent;

namespace Tidemark.Registries;

/// <summary>
/// Lists each distinct repository once per instance (one run), however many references point at it: concurrent
/// callers share the in-flight listing, later callers get its result (or its failure).
/// </summary>
internal sealed class MemoizingTagSource(ITagSource inner, CancellationToken runCancellation = default) : ITagSource
{
    private readonly ConcurrentDictionary<RegistryRepository, Lazy<Task<TagListing>>> listings = new();

    public Task<TagListing> ListTagsAsync(RegistryRepository repository, CancellationToken cancellationToken)
    {
        // The shared listing runs under the run's token, so one caller giving up does not cancel it for the others.
        var listing = listings.GetOrAdd(repository, key => new Lazy<Task<TagListing>>(() => inner.ListTagsAsync(key, runCancellation)));
        return listing.Value.WaitAsync(cancellationToken);
    }
}
