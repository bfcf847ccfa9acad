using System.Text;
using Tidemark.Credentials;
using static Tidemark.State.DbCommands;

namespace Tidemark.State;

/// <summary>The audit log in SQLite: append-only rows, stamped with the injected clock, every text redacted.</summary>
internal sealed class SqliteAuditLog : IAuditWriter, IAuditReader
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISecretRedactor _redactor;

    public SqliteAuditLog(SqliteDatabase database, TimeProvider time, ISecretRedactor redactor)
    {
        _database = database;
        _time = time;
        _redactor = redactor;
    }

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var e = auditEvent;
        await _database.UseAsync(async connection =>
        {
            await ExecuteAsync(connection, "INSERT INTO audit_events (at, token_fingerprint, action, target, outcome, detail, run_id) VALUES ($at, $f, $a, $t, $o, $d, $run)",
                cancellationToken, ("$at", _time.GetUtcNow().ToUnixTimeMilliseconds()), ("$f", e.TokenFingerprint is null ? null : _redactor.Redact(e.TokenFingerprint)),
                ("$a", e.Action.Name), ("$t", _redactor.Redact(e.Target)), ("$o", e.Outcome.Name),
                ("$d", _redactor.Redact(e.Detail)), ("$run", e.RunId is null ? null : _redactor.Redact(e.RunId))).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT id, at, action, target, outcome, token_fingerprint, detail, run_id FROM audit_events WHERE 1 = 1");
        var parameters = new List<(string, object?)> { ("$limit", query.Limit), ("$offset", Math.Max(0, query.Offset)) };
        if (query.Since is { } since)
        {
            sql.Append(" AND at >= $since");
            parameters.Add(("$since", since.ToUnixTimeMilliseconds()));
        }

        if (query.Action is not null)
        {
            sql.Append(" AND action = $action");
            parameters.Add(("$action", query.Action.Value.Name));
        }

        if (query.ActionPrefix is not null)
        {
            // substr, not LIKE: '_' and '%' in a prefix are literal characters
            sql.Append(" AND substr(action, 1, length($prefix)) = $prefix");
            parameters.Add(("$prefix", query.ActionPrefix));
        }

        if (query.Outcome is not null)
        {
            sql.Append(" AND outcome = $outcome");
            parameters.Add(("$outcome", query.Outcome.Value.Name));
        }

        if (query.Repository is not null)
        {
            // the repository, its branches (owner/name@branch) and its pull requests (owner/name#7); substr, not LIKE
            sql.Append(" AND (target = $repo OR substr(target, 1, length($repo) + 1) IN ($repo || '@', $repo || '#'))");
            parameters.Add(("$repo", query.Repository));
        }

        if (query.RunId is not null)
        {
            sql.Append(" AND run_id = $run");
            parameters.Add(("$run", query.RunId));
        }

        sql.Append(" ORDER BY at DESC, id DESC LIMIT $limit OFFSET $offset");
        return await _database.UseAsync(async connection =>
        {
            return await DbCommands.QueryAsync(connection, sql.ToString(),
                r => new AuditRecord(r.GetInt64(0), Time(r, 1), AuditAction.FromStored(r.GetString(2)), r.GetString(3), AuditOutcome.FromStored(r.GetString(4)), NullableString(r, 5), r.GetString(6), NullableString(r, 7)),
                cancellationToken, [.. parameters]).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditCount>> CountRunAsync(string runId, string tokenFingerprint, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(async connection =>
        {
            return await DbCommands.QueryAsync(connection, """
                SELECT action, outcome, COUNT(*) FROM audit_events WHERE run_id = $run AND token_fingerprint = $f
                GROUP BY action, outcome ORDER BY action, outcome
                """, r => new AuditCount(AuditAction.FromStored(r.GetString(0)), AuditOutcome.FromStored(r.GetString(1)), r.GetInt32(2)), cancellationToken,
                ("$run", _redactor.Redact(runId)), ("$f", _redactor.Redact(tokenFingerprint))).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
