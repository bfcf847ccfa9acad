using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.Doctor;

/// <summary>
/// What the <c>next-token</c> check learns during a rotation: the next token as read (or why it could not be read),
/// the read-only probe <c>run</c> also makes (GET /rate_limit, then the repository), the rotation the state store
/// recorded for this pair of tokens (null before a run switched to the next token), the configured overlap, and what
/// the next token proved it can do as <c>run</c> proves it before adopting it (null when the read probe failed or
/// there was no checkout to push from). Example: (fine-grained …9f2c, null, works, rotation since 2026-11-26 02:00, 24 h,
/// proven: read, push, create pull requests).
/// </summary>
internal sealed record NextTokenReport(ResolvedToken? Token, TokenSourceException? Error, TokenProbe? Probe, TokenRotationRecord? Rotation, TimeSpan Overlap, TokenProof? Proof);
