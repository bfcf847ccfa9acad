namespace Tidemark.State;

/// <summary>Filters for reading the audit log, newest first. Null filters match everything.</summary>
internal sealed record AuditQuery(DateTimeOffset? Since = null, string? Action = null, string? Outcome = null, int Limit = 100);
