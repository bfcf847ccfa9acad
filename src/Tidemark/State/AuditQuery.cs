namespace Tidemark.State;

/// <summary>
/// Filters for reading the audit log, newest first. Null filters match everything. <paramref name="Action"/> is an
/// exact action name; <paramref name="ActionPrefix"/> matches every action starting with it (e.g. <c>pr.</c>).
/// <paramref name="Repository"/> (<c>owner/name</c>) matches events on the repository itself, its branches
/// (<c>owner/name@branch</c>) and its pull requests (<c>owner/name#7</c>); <paramref name="RunId"/> the events of one run.
/// <paramref name="Offset"/> skips that many matching events (newest first) before the <paramref name="Limit"/>: a page of the trail.
/// </summary>
internal sealed record AuditQuery(DateTimeOffset? Since = null, AuditAction? Action = null, AuditOutcome? Outcome = null, int Limit = 100, string? ActionPrefix = null,
    string? Repository = null, string? RunId = null, int Offset = 0);
