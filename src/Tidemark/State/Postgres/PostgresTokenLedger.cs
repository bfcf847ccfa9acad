using Npgsql;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State.Postgres;

/// <summary>The token ledger in PostgreSQL: rows keyed by fingerprint, stamped with the injected clock, every text redacted.</summary>
internal sealed class PostgresTokenLedger(PostgresDatabase database, TimeProvider time, ISecretRedactor redactor) : ITokenLedgerWriter, ITokenLedgerReader
{
    private const string TokenColumns = "fingerprint, kind, source, role, repository, expires_at, first_used_at, last_used_at";

    public Task RecordUseAsync(TokenUse use, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(use);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var fingerprint = redactor.Redact(use.Fingerprint);
        return database.InTransactionAsync(async connection =>
        {
            await ExecuteAsync(connection, """
                INSERT INTO tokens (fingerprint, kind, source, role, repository, expires_at, first_used_at, last_used_at)
                VALUES (@f, @k, @s, @r, @repo, @e, @now, @now)
                ON CONFLICT (fingerprint) DO UPDATE SET kind = excluded.kind, source = excluded.source, role = excluded.role, repository = excluded.repository,
                    expires_at = COALESCE(excluded.expires_at, tokens.expires_at), last_used_at = excluded.last_used_at
                """, cancellationToken, ("f", fingerprint), ("k", redactor.Redact(use.Kind)), ("s", redactor.Redact(use.Source)),
                ("r", use.Role), ("repo", redactor.Redact(use.Repository)), ("e", use.ExpiresAt?.ToUnixTimeMilliseconds()), ("now", now)).ConfigureAwait(false);
            foreach (var (action, count) in use.Actions)
            {
                await ExecuteAsync(connection, """
                    INSERT INTO token_actions (fingerprint, action, count) VALUES (@f, @a, @c)
                    ON CONFLICT (fingerprint, action) DO UPDATE SET count = token_actions.count + excluded.count
                    """, cancellationToken, ("f", fingerprint), ("a", redactor.Redact(action)), ("c", count)).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }

    public Task<DateTimeOffset> RecordNextWorkedAsync(string next, string current, TimeSpan overlap, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.InTransactionAsync(async connection =>
        {
            var since = await QueryAsync(connection, """
                INSERT INTO token_rotations (next_fingerprint, current_fingerprint, next_worked_since, overlap_ms, last_seen_at) VALUES (@n, @c, @now, @o, @now)
                ON CONFLICT (next_fingerprint) DO UPDATE SET current_fingerprint = excluded.current_fingerprint, overlap_ms = excluded.overlap_ms, last_seen_at = excluded.last_seen_at
                RETURNING next_worked_since
                """, r => Time(r, 0), cancellationToken, ("n", redactor.Redact(next)), ("c", redactor.Redact(current)), ("o", (long)overlap.TotalMilliseconds), ("now", now)).ConfigureAwait(false);
            await ExecuteAsync(connection, "DELETE FROM token_refusals WHERE next_fingerprint = @n", cancellationToken, ("n", redactor.Redact(next))).ConfigureAwait(false);
            return since[0];
        }, cancellationToken);
    }

    public Task RecordNextRefusedAsync(string next, string current, string lacking, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.InTransactionAsync(async connection =>
        {
            await ExecuteAsync(connection, """
                INSERT INTO token_refusals (next_fingerprint, current_fingerprint, lacking, refused_at) VALUES (@n, @c, @l, @now)
                ON CONFLICT (next_fingerprint) DO UPDATE SET current_fingerprint = excluded.current_fingerprint, lacking = excluded.lacking, refused_at = excluded.refused_at
                """, cancellationToken, ("n", redactor.Redact(next)), ("c", redactor.Redact(current)), ("l", redactor.Redact(lacking)), ("now", now)).ConfigureAwait(false);
            await ExecuteAsync(connection, "DELETE FROM token_rotations WHERE next_fingerprint = @n", cancellationToken, ("n", redactor.Redact(next))).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TokenRefusalRecord>> ListRefusalsAsync(CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<TokenRefusalRecord>>(async connection =>
            await QueryAsync(connection, "SELECT next_fingerprint, current_fingerprint, lacking, refused_at FROM token_refusals ORDER BY refused_at DESC",
                r => new TokenRefusalRecord(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3)), cancellationToken).ConfigureAwait(false), cancellationToken);

    public Task<bool> TryRecordExpiryCommentAsync(string fingerprint, int threshold, string pullRequest, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            var inserted = await ExecuteAsync(connection, """
                INSERT INTO token_expiry_comments (fingerprint, threshold, pull_request, at) VALUES (@f, @t, @pr, @now)
                ON CONFLICT (fingerprint, threshold) DO NOTHING
                """, cancellationToken, ("f", redactor.Redact(fingerprint)), ("t", threshold), ("pr", redactor.Redact(pullRequest)),
                ("now", time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
            return inserted == 1;
        }, cancellationToken);

    public Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<TokenRecord>>(async connection =>
        {
            var rows = await QueryAsync(connection, $"SELECT {TokenColumns} FROM tokens ORDER BY last_used_at DESC, fingerprint COLLATE \"C\"", ReadToken, cancellationToken).ConfigureAwait(false);
            var result = new List<TokenRecord>();
            foreach (var row in rows)
            {
                result.Add(row with { Actions = await ActionsAsync(connection, row.Fingerprint, cancellationToken).ConfigureAwait(false) });
            }

            return result;
        }, cancellationToken);

    public Task<TokenRecord?> FindTokenAsync(string fingerprint, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, $"SELECT {TokenColumns} FROM tokens WHERE fingerprint = @f", ReadToken, cancellationToken,
                ("f", redactor.Redact(fingerprint))).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0] with { Actions = await ActionsAsync(connection, rows[0].Fingerprint, cancellationToken).ConfigureAwait(false) };
        }, cancellationToken);

    public Task<IReadOnlyList<TokenRotationRecord>> ListRotationsAsync(CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<TokenRotationRecord>>(async connection =>
            await QueryAsync(connection,
                "SELECT next_fingerprint, current_fingerprint, next_worked_since, overlap_ms, last_seen_at FROM token_rotations ORDER BY next_worked_since DESC",
                r => new TokenRotationRecord(r.GetString(0), r.GetString(1), Time(r, 2), TimeSpan.FromMilliseconds(r.GetInt64(3)), Time(r, 4)), cancellationToken).ConfigureAwait(false),
            cancellationToken);

    public Task<bool> ExpiryCommentedAsync(string fingerprint, int threshold, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, "SELECT 1 FROM token_expiry_comments WHERE fingerprint = @f AND threshold = @t",
                r => r.GetInt32(0), cancellationToken, ("f", redactor.Redact(fingerprint)), ("t", threshold)).ConfigureAwait(false);
            return rows.Count > 0;
        }, cancellationToken);


    private static async Task<IReadOnlyDictionary<string, int>> ActionsAsync(NpgsqlConnection connection, string fingerprint, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, "SELECT action, count FROM token_actions WHERE fingerprint = @f ORDER BY action COLLATE \"C\"",
            r => (r.GetString(0), r.GetInt32(1)), cancellationToken, ("f", fingerprint)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
    }
}
