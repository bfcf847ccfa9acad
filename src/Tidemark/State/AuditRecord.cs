namespace Tidemark.State;

/// <summary>A stored audit event with its time (from the store's TimeProvider) and the run that wrote it (null: none).</summary>
internal sealed record AuditRecord(long Id, DateTimeOffset At, AuditAction Action, string Target, AuditOutcome Outcome, string? TokenFingerprint, string Detail, string? RunId = null);
