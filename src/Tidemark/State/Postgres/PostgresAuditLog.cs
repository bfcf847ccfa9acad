using System.Text;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State.Postgres;

/// <summary>The audit log in PostgreSQL: append-only rows, stamped with the injected clock, every text redacted.</summary>
internal sealed class PostgresAuditLog(PostgresDatabase database, TimeProvider time, ISecretRedactor redactor) : IAuditWriter, IAuditReader
{
    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var e = auditEvent;
        return database.UseAsync(connection => ExecuteAsync(connection,
            "INSERT INTO audit_events (at, token_fingerprint, action, target, outcome, detail, run_id) VALUES (@at, @f, @a, @t, @o, @d, @run)",
            cancellationToken, ("at", time.GetUtcNow().ToUnixTimeMilliseconds()), ("f", e.TokenFingerprint is null ? null : redactor.Redact(e.TokenFingerprint)),
            ("a", e.Action.Name), ("t", redactor.Redact(e.Target)), ("o", e.Outcome.Name), ("d", redactor.Redact(e.Detail)),
            ("run", e.RunId is null ? null : redactor.Redact(e.RunId))), cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder("SELECT id, at, action, target, outcome, token_fingerprint, detail, run_id FROM audit_events WHERE TRUE");
        var parameters = new List<(string, object?)> { ("limit", query.Limit), ("offset", Math.Max(0, query.Offset)) };
        if (query.Since is { } since)
        {
            sql.Append(" AND at >= @since");
            parameters.Add(("since", since.ToUnixTimeMilliseconds()));
        }

        if (query.Action is not null)
        {
            sql.Append(" AND action = @action");
            parameters.Add(("action", query.Action.Value.Name));
        }

        if (query.ActionPrefix is not null)
        {
            // left(), not LIKE: '_' and '%' in a prefix are literal characters
            sql.Append(" AND left(action, length(@prefix)) = @prefix");
            parameters.Add(("prefix", query.ActionPrefix));
        }

        if (query.Outcome is not null)
        {
            sql.Append(" AND outcome = @outcome");
            parameters.Add(("outcome", query.Outcome.Value.Name));
        }

        if (query.Repository is not null)
        {
            // the repository, its branches (owner/name@branch) and its pull requests (owner/name#7); left(), not LIKE
            sql.Append(" AND (target = @repo OR left(target, length(@repo) + 1) IN (@repo || '@', @repo || '#'))");
            parameters.Add(("repo", query.Repository));
        }

        if (query.RunId is not null)
        {
            sql.Append(" AND run_id = @run");
            parameters.Add(("run", query.RunId));
        }

        sql.Append(" ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset");
        return database.UseAsync<IReadOnlyList<AuditRecord>>(async connection =>
            await DbCommands.QueryAsync(connection, sql.ToString(),
                r => new AuditRecord(r.GetInt64(0), Time(r, 1), AuditAction.FromStored(r.GetString(2)), r.GetString(3), AuditOutcome.FromStored(r.GetString(4)),
                    NullableString(r, 5), r.GetString(6), NullableString(r, 7)),
                cancellationToken, [.. parameters]).ConfigureAwait(false), cancellationToken);
    }

    public Task<IReadOnlyList<AuditCount>> CountRunAsync(string runId, string tokenFingerprint, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<AuditCount>>(async connection =>
            await DbCommands.QueryAsync(connection, """
                SELECT action, outcome, COUNT(*) FROM audit_events WHERE run_id = @run AND token_fingerprint = @f
                GROUP BY action, outcome ORDER BY action COLLATE "C", outcome COLLATE "C"
                """, r => new AuditCount(AuditAction.FromStored(r.GetString(0)), AuditOutcome.FromStored(r.GetString(1)), (int)r.GetInt64(2)), cancellationToken,
                ("run", redactor.Redact(runId)), ("f", redactor.Redact(tokenFingerprint))).ConfigureAwait(false), cancellationToken);
}
