namespace Tidemark.State;

/// <summary>
/// Something Tidemark did with a token. Example: ("git.push", "acme/gitops@flux-image-updates", "ok",
/// "sha256:1a2b3c4d", "pushed 3f2c…", "20261203T131404Z-1a2b3c"). The fingerprint identifies a token without revealing
/// it; <paramref name="RunId"/> names the <c>tidemark run</c> that did it (null outside a run, e.g. <c>doctor</c>).
/// </summary>
internal sealed record AuditEvent(AuditAction Action, string Target, AuditOutcome Outcome, string? TokenFingerprint, string Detail, string? RunId = null);
