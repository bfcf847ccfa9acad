namespace Tidemark.Credentials;

/// <summary>
/// One thing wrong (or worth knowing) about a token's shape, with what to do about it. Never contains the value.
/// Example: (Error, "refresh-token", "the secret holds a GitHub App refresh token (ghr_…), not an access token",
/// "store an access token: a fine-grained PAT from 'tidemark token new', or an installation token").
/// </summary>
internal sealed record TokenFinding(TokenFindingSeverity Severity, string Code, string Message, string Fix)
{
    public override string ToString() => $"{Message} — {Fix}";
}
