using Microsoft.Data.Sqlite;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State;

/// <summary>The token ledger in SQLite: rows keyed by fingerprint, stamped with the injected clock, every text redacted.</summary>
internal sealed class SqliteTokenLedger(SqliteDatabase database, TimeProvider time, ISecretRedactor redactor) : ITokenLedgerWriter, ITokenLedgerReader
{
    private const string TokenColumns = "fingerprint, kind, source, role, repository, expires_at, first_used_at, last_used_at";

    public async Task RecordUseAsync(TokenUse use, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(use);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var fingerprint = redactor.Redact(use.Fingerprint);
        await database.UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, """
                INSERT INTO tokens (fingerprint, kind, source, role, repository, expires_at, first_used_at, last_used_at)
                VALUES ($f, $k, $s, $r, $repo, $e, $now, $now)
                ON CONFLICT (fingerprint) DO UPDATE SET kind = $k, source = $s, role = $r, repository = $repo,
                    expires_at = COALESCE($e, expires_at), last_used_at = $now
                """, cancellationToken, ("$f", fingerprint), ("$k", redactor.Redact(use.Kind)), ("$s", redactor.Redact(use.Source)),
                ("$r", use.Role), ("$repo", redactor.Redact(use.Repository)), ("$e", use.ExpiresAt?.ToUnixTimeMilliseconds()), ("$now", now)).ConfigureAwait(false);
            foreach (var (action, count) in use.Actions)
            {
                await ExecuteAsync(connection, """
                    INSERT INTO token_actions (fingerprint, action, count) VALUES ($f, $a, $c)
                    ON CONFLICT (fingerprint, action) DO UPDATE SET count = count + $c
                    """, cancellationToken, ("$f", fingerprint), ("$a", redactor.Redact(action)), ("$c", count)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DateTimeOffset> RecordNextWorkedAsync(string next, string current, TimeSpan overlap, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.UseAsync(async connection =>
        {
            await ExecuteAsync(connection, """
                INSERT INTO token_rotations (next_fingerprint, current_fingerprint, next_worked_since, overlap_ms, last_seen_at) VALUES ($n, $c, $now, $o, $now)
                ON CONFLICT (next_fingerprint) DO UPDATE SET current_fingerprint = $c, overlap_ms = $o, last_seen_at = $now
                """, cancellationToken, ("$n", redactor.Redact(next)), ("$c", redactor.Redact(current)), ("$o", (long)overlap.TotalMilliseconds), ("$now", now)).ConfigureAwait(false);
            await ExecuteAsync(connection, "DELETE FROM token_refusals WHERE next_fingerprint = $n", cancellationToken, ("$n", redactor.Redact(next))).ConfigureAwait(false);
            var since = await QueryAsync(connection, "SELECT next_worked_since FROM token_rotations WHERE next_fingerprint = $n",
                r => Time(r, 0), cancellationToken, ("$n", redactor.Redact(next))).ConfigureAwait(false);
            return since[0];
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordNextRefusedAsync(string next, string current, string lacking, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await database.UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, """
                INSERT INTO token_refusals (next_fingerprint, current_fingerprint, lacking, refused_at) VALUES ($n, $c, $l, $now)
                ON CONFLICT (next_fingerprint) DO UPDATE SET current_fingerprint = $c, lacking = $l, refused_at = $now
                """, cancellationToken, ("$n", redactor.Redact(next)), ("$c", redactor.Redact(current)), ("$l", redactor.Redact(lacking)), ("$now", now)).ConfigureAwait(false);
            await ExecuteAsync(connection, "DELETE FROM token_rotations WHERE next_fingerprint = $n", cancellationToken, ("$n", redactor.Redact(next))).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TokenRefusalRecord>> ListRefusalsAsync(CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            return await QueryAsync(connection,
                "SELECT next_fingerprint, current_fingerprint, lacking, refused_at FROM token_refusals ORDER BY refused_at DESC",
                r => new TokenRefusalRecord(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3)), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryRecordExpiryCommentAsync(string fingerprint, int threshold, string pullRequest, CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            var inserted = await ExecuteAsync(connection, """
                INSERT INTO token_expiry_comments (fingerprint, threshold, pull_request, at) VALUES ($f, $t, $pr, $now)
                ON CONFLICT (fingerprint, threshold) DO NOTHING
                """, cancellationToken, ("$f", redactor.Redact(fingerprint)), ("$t", threshold), ("$pr", redactor.Redact(pullRequest)),
                ("$now", time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
            return inserted == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, $"SELECT {TokenColumns} FROM tokens ORDER BY last_used_at DESC, fingerprint", ReadToken, cancellationToken).ConfigureAwait(false);
            var result = new List<TokenRecord>();
            foreach (var row in rows)
            {
                result.Add(row with { Actions = await ActionsAsync(connection, row.Fingerprint, cancellationToken).ConfigureAwait(false) });
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TokenRecord?> FindTokenAsync(string fingerprint, CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, $"SELECT {TokenColumns} FROM tokens WHERE fingerprint = $f", ReadToken, cancellationToken,
                ("$f", redactor.Redact(fingerprint))).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0] with { Actions = await ActionsAsync(connection, rows[0].Fingerprint, cancellationToken).ConfigureAwait(false) };
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TokenRotationRecord>> ListRotationsAsync(CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            return await QueryAsync(connection,
                "SELECT next_fingerprint, current_fingerprint, next_worked_since, overlap_ms, last_seen_at FROM token_rotations ORDER BY next_worked_since DESC",
                r => new TokenRotationRecord(r.GetString(0), r.GetString(1), Time(r, 2), TimeSpan.FromMilliseconds(r.GetInt64(3)), Time(r, 4)), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ExpiryCommentedAsync(string fingerprint, int threshold, CancellationToken cancellationToken)
    {
        return await database.UseAsync(async connection =>
        {
            var rows = await QueryAsync(connection, "SELECT 1 FROM token_expiry_comments WHERE fingerprint = $f AND threshold = $t",
                r => r.GetInt64(0), cancellationToken, ("$f", redactor.Redact(fingerprint)), ("$t", threshold)).ConfigureAwait(false);
            return rows.Count > 0;
        }, cancellationToken).ConfigureAwait(false);
    }


    private static async Task<IReadOnlyDictionary<string, int>> ActionsAsync(SqliteConnection connection, string fingerprint, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, "SELECT action, count FROM token_actions WHERE fingerprint = $f ORDER BY action",
            r => (r.GetString(0), r.GetInt32(1)), cancellationToken, ("$f", fingerprint)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
    }
}
