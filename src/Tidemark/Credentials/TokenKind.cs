namespace Tidemark.Credentials;

/// <summary>
/// What a configured secret is, judged from its shape alone (no network). Prefixes and lengths follow GitHub's
/// 2021 token format (https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available)
/// and the stateless installation tokens of 2026 (<c>ghs_APPID_JWT</c>).
/// </summary>
internal enum TokenKind
{
    /// <summary>Nothing there: empty or only whitespace.</summary>
    Empty,

    /// <summary>No known shape.</summary>
    Unknown,

    /// <summary><c>ghp_</c> + 36: a personal access token (classic).</summary>
    ClassicPat,

    /// <summary><c>github_pat_</c> + 22 + <c>_</c> + 59: a fine-grained personal access token.</summary>
    FineGrainedPat,

    /// <summary><c>ghs_</c> + 36: a GitHub App installation token (also the Actions <c>GITHUB_TOKEN</c>).</summary>
    Installation,

    /// <summary><c>ghs_APPID_JWT</c>, about 520 characters with two dots: a stateless installation token.</summary>
    InstallationStateless,

    /// <summary><c>ghu_</c> + 36: a GitHub App user-to-server token (8 hours).</summary>
    UserToServer,

    /// <summary><c>gho_</c> + 36: an OAuth app user token.</summary>
    OAuth,

    /// <summary><c>ghr_</c> + 76: a GitHub App refresh token; it cannot call the API.</summary>
    RefreshToken,

    /// <summary>40 lowercase hex characters: a token from before 2021.</summary>
    Legacy40Hex,

    /// <summary><c>eyJ…</c> with two dots: a raw JWT, usually a GitHub App JWT in the token field.</summary>
    Jwt,

    /// <summary><c>-----BEGIN …</c>: a PEM private key, usually a GitHub App key in the token field.</summary>
    PemKey,
}
