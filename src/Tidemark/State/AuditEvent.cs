namespace Tidemark.State;

/// <summary>
/// Something Tidemark did with a token. Example: ("git.push", "acme/gitops@flux-image-updates", "ok",
/// "sha256:1a2b3c4d", "pushed 3f2c…"). The fingerprint identifies a token without revealing it.
/// </summary>
internal sealed record AuditEvent(string Action, string Target, string Outcome, string? TokenFingerprint, string Detail);
