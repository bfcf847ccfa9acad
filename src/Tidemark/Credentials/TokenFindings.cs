using System.Globalization;

namespace Tidemark.Credentials;

/// <summary>Every finding <see cref="TokenInspector"/> reports, worded once: what is wrong and what to do.</summary>
internal static class TokenFindings
{
    private const string CreateOne = "create a fine-grained token with 'tidemark token new --repo OWNER/REPO' and store that";

    public static TokenFinding Empty { get; } = new(TokenFindingSeverity.Error, "empty",
        "no GitHub token found: the value is empty", "create a token ('tidemark token new --repo OWNER/REPO') and store it where Tidemark reads it");

    public static TokenFinding PemKey { get; } = new(TokenFindingSeverity.Error, "pem-key",
        "the secret holds a PEM private key (-----BEGIN …), not an access token",
        "a GitHub App private key belongs in the App key setting with its App id and installation id; here, store an access token");

    public static TokenFinding Quoted(char quote) => new(TokenFindingSeverity.Error, "quoted",
        string.Create(CultureInfo.InvariantCulture, $"the token is wrapped in {quote} quotes, so it is not used"),
        "remove the quotes (often YAML or .env quoting, or a copy and paste)");

    public static TokenFinding InnerQuote(char quote) => new(TokenFindingSeverity.Error, "quoted",
        string.Create(CultureInfo.InvariantCulture, $"the token contains a {quote} quote character, which no GitHub token has, so it is not used"),
        "store the token exactly as GitHub showed it, without quotes (often YAML or .env quoting, or a copy and paste)");

    public static TokenFinding InnerWhitespace(string what) => new(TokenFindingSeverity.Error, "whitespace",
        $"the token contains {what}, so it is not used",
        "store the token on one line with nothing else in it (often a copy and paste or YAML folding issue)");

    public static TokenFinding UnexpectedShape(TokenKind kind, int length, string expected) => new(TokenFindingSeverity.Warning, "shape",
        string.Create(CultureInfo.InvariantCulture, $"the value starts like a {TokenKindLabels.Label(kind)} token but is {length} characters long or has unexpected characters (expected {expected})"),
        "a character may be missing or extra: copy the token again from where it was created");

    /// <summary>What every token of a kind should know, whatever its value; null when there is nothing to say.</summary>
    public static TokenFinding? ForKind(TokenKind kind) => kind switch
    {
        TokenKind.RefreshToken => new(TokenFindingSeverity.Error, "refresh-token",
            "the secret holds a GitHub App refresh token (ghr_…), which cannot call the API", CreateOne),
        TokenKind.Jwt => new(TokenFindingSeverity.Error, "jwt",
            "the secret holds a raw JWT (eyJ… with two dots), probably a GitHub App JWT, not an access token",
            "a GitHub App JWT is minted from the App key and lasts 10 minutes; store an access token here"),
        TokenKind.Legacy40Hex => new(TokenFindingSeverity.Warning, "legacy",
            "the token has the pre-2021 format (40 hex characters); it works but is old", "rotate it: " + CreateOne),
        TokenKind.Unknown => new(TokenFindingSeverity.Warning, "unknown-shape",
            "the value does not look like any GitHub token (no ghp_, github_pat_, ghs_, ghu_ or gho_ prefix)",
            "check that the right secret is configured; GitHub will answer 401 if it is not a token"),
        TokenKind.Installation or TokenKind.InstallationStateless => new(TokenFindingSeverity.Info, "short-lived",
            "an installation token lives at most one hour", "fine inside GitHub Actions; a stored copy stops working within the hour"),
        TokenKind.UserToServer => new(TokenFindingSeverity.Warning, "user-to-server",
            "a GitHub App user-to-server token acts as a person and expires after 8 hours", CreateOne),
        TokenKind.OAuth => new(TokenFindingSeverity.Info, "oauth",
            "an OAuth app token acts with everything its user can reach", "prefer a fine-grained token limited to one repository"),
        TokenKind.ClassicPat => new(TokenFindingSeverity.Info, "classic",
            "a classic token reaches every repository its user can write to", "prefer a fine-grained token limited to one repository"),
        _ => null,
    };
}
