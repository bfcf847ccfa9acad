namespace Tidemark.State;

/// <summary>
/// A next token a run did not adopt: it lacked <see cref="Lacking"/> (e.g. "push to flux-image-updates: …") at
/// <see cref="RefusedAt"/>, so <see cref="CurrentFingerprint"/> stayed in use. Example:
/// ("fine-grained …n3xt #9a8b7c", "classic …c0de #111111", "push to flux-image-updates (…)", 2026-11-01 13:00).
/// </summary>
internal sealed record TokenRefusalRecord(string NextFingerprint, string CurrentFingerprint, string Lacking, DateTimeOffset RefusedAt);
