namespace Tidemark.State;

/// <summary>
/// Asks the tag cache for a listing no older than <see cref="MaxAge"/>; <see cref="Refresh"/> bypasses the
/// cache (the caller lists the registry and stores the result).
/// </summary>
internal sealed record TagCacheQuery(TagCacheKey Key, TimeSpan MaxAge, bool Refresh = false);
