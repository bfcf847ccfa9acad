namespace Tidemark.State;

/// <summary>A stored audit event with its time (from the store's TimeProvider).</summary>
internal sealed record AuditRecord(long Id, DateTimeOffset At, string Action, string Target, string Outcome, string? TokenFingerprint, string Detail);
