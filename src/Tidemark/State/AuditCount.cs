namespace Tidemark.State;

/// <summary>How many events of one action and outcome a run recorded with one token. Example: ("git.fetch", "ok", 2).</summary>
internal sealed record AuditCount(AuditAction Action, AuditOutcome Outcome, int Count);
