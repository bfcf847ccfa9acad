using System.Text.Json;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State;

/// <summary>Tag listings in SQLite, fresh for as long as the caller's max age says (measured with the injected clock).</summary>
internal sealed class SqliteTagCache : ITagCacheReader, ITagCacheWriter
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISecretRedactor _redactor;

    public SqliteTagCache(SqliteDatabase database, TimeProvider time, ISecretRedactor redactor)
    {
        _database = database;
        _time = time;
        _redactor = redactor;
    }

    public async Task<CachedTags?> TryGetTagsAsync(TagCacheQuery query, CancellationToken cancellationToken)
    {
        if (query.Refresh)
        {
            return null;
        }

        return await _database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, "SELECT tags, fetched_at FROM tag_cache WHERE registry = $g AND repository = $r",
                r => new CachedTags(JsonSerializer.Deserialize<List<string>>(r.GetString(0)) ?? [], Time(r, 1)),
                cancellationToken, ("$g", query.Key.Registry), ("$r", query.Key.Repository)).ConfigureAwait(false);
            var cached = rows.SingleOrDefault();
            return cached is not null && _time.GetUtcNow() - cached.FetchedAt < query.MaxAge ? cached : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task StoreTagsAsync(TagCacheKey key, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        await _database.UseAsync(async connection =>
        {
            await ExecuteAsync(connection, "INSERT OR REPLACE INTO tag_cache (registry, repository, tags, fetched_at) VALUES ($g, $r, $t, $at)",
                cancellationToken, ("$g", _redactor.Redact(key.Registry)), ("$r", _redactor.Redact(key.Repository)), ("$t", _redactor.Redact(JsonSerializer.Serialize(tags))),
                ("$at", _time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
