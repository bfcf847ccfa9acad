namespace Tidemark.State;

/// <summary>
/// Filters for reading the audit log, newest first. Null filters match everything. <paramref name="Action"/> is an
/// exact action name; <paramref name="ActionPrefix"/> matches every action starting with it (e.g. <c>pr.</c>).
/// </summary>
internal sealed record AuditQuery(DateTimeOffset? Since = null, string? Action = null, string? Outcome = null, int Limit = 100, string? ActionPrefix = null);
