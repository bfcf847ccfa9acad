namespace Tidemark.State;

/// <summary>A tags listing and when it was fetched.</summary>
internal sealed record CachedTags(IReadOnlyList<string> Tags, DateTimeOffset FetchedAt);
