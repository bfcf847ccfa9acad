using System.Text.Json;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State.Postgres;

/// <summary>Tag listings in PostgreSQL, fresh for as long as the caller's max age says (measured with the injected clock).</summary>
internal sealed class PostgresTagCache(PostgresDatabase database, TimeProvider time, ISecretRedactor redactor) : ITagCacheReader, ITagCacheWriter
{
    public async Task<CachedTags?> TryGetTagsAsync(TagCacheQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Refresh)
        {
            return null;
        }

        return await database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, "SELECT tags, fetched_at FROM tag_cache WHERE registry = @g AND repository = @r",
                r => new CachedTags(JsonSerializer.Deserialize<List<string>>(r.GetString(0)) ?? [], Time(r, 1)),
                cancellationToken, ("g", query.Key.Registry), ("r", query.Key.Repository)).ConfigureAwait(false);
            var cached = rows.SingleOrDefault();
            return cached is not null && time.GetUtcNow() - cached.FetchedAt < query.MaxAge ? cached : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task StoreTagsAsync(TagCacheKey key, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return database.UseAsync(connection => ExecuteAsync(connection, """
            INSERT INTO tag_cache (registry, repository, tags, fetched_at) VALUES (@g, @r, @t, @at)
            ON CONFLICT (registry, repository) DO UPDATE SET tags = excluded.tags, fetched_at = excluded.fetched_at
            """, cancellationToken, ("g", redactor.Redact(key.Registry)), ("r", redactor.Redact(key.Repository)), ("t", redactor.Redact(JsonSerializer.Serialize(tags))),
            ("at", time.GetUtcNow().ToUnixTimeMilliseconds())), cancellationToken);
    }
}
