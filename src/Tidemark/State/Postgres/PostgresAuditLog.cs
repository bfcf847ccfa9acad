using System.Text;
using Tidemark.Credentials;
using static Tidemark.State.Postgres.PostgresCommands;

namespace Tidemark.State.Postgres;

/// <summary>The audit log in PostgreSQL: append-only rows, stamped with the injected clock, every text redacted.</summary>
internal sealed class PostgresAuditLog(PostgresDatabase database, TimeProvider time, ISecretRedactor redactor) : IAuditWriter, IAuditReader
{
    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var e = auditEvent;
        return database.UseAsync(connection => ExecuteAsync(connection,
            "INSERT INTO audit_events (at, token_fingerprint, action, target, outcome, detail) VALUES (@at, @f, @a, @t, @o, @d)",
            cancellationToken, ("at", time.GetUtcNow().ToUnixTimeMilliseconds()), ("f", e.TokenFingerprint is null ? null : redactor.Redact(e.TokenFingerprint)),
            ("a", redactor.Redact(e.Action)), ("t", redactor.Redact(e.Target)), ("o", redactor.Redact(e.Outcome)), ("d", redactor.Redact(e.Detail))), cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder("SELECT id, at, action, target, outcome, token_fingerprint, detail FROM audit_events WHERE TRUE");
        var parameters = new List<(string, object?)> { ("limit", query.Limit) };
        if (query.Since is { } since)
        {
            sql.Append(" AND at >= @since");
            parameters.Add(("since", since.ToUnixTimeMilliseconds()));
        }

        if (query.Action is not null)
        {
            sql.Append(" AND action = @action");
            parameters.Add(("action", query.Action));
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
            parameters.Add(("outcome", query.Outcome));
        }

        sql.Append(" ORDER BY at DESC, id DESC LIMIT @limit");
        return database.UseAsync<IReadOnlyList<AuditRecord>>(async connection =>
            await PostgresCommands.QueryAsync(connection, sql.ToString(),
                r => new AuditRecord(r.GetInt64(0), Time(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), NullableString(r, 5), r.GetString(6)),
                cancellationToken, [.. parameters]).ConfigureAwait(false), cancellationToken);
    }
}
