namespace Tidemark.Credentials;

/// <summary>
/// The offline verdict on a configured secret: its <see cref="Kind"/>, the trimmed <see cref="Value"/> (null when
/// it must not be used), what is wrong with it, and a <see cref="Fingerprint"/> safe to print.
/// </summary>
internal sealed record TokenInspection(TokenKind Kind, string? Value, IReadOnlyList<TokenFinding> Findings, TokenFingerprint Fingerprint)
{
    /// <summary>True when no finding is an error: the value may be sent to GitHub.</summary>
    public bool IsUsable => Value is not null && !Findings.Any(f => f.Severity == TokenFindingSeverity.Error);
}
