namespace Tidemark.Credentials;

/// <summary>The words people read for each <see cref="TokenKind"/>, in fingerprints, messages and JSON.</summary>
internal static class TokenKindLabels
{
    public static string Label(TokenKind kind) => kind switch
    {
        TokenKind.Empty => "empty",
        TokenKind.Unknown => "unknown",
        TokenKind.ClassicPat => "classic",
        TokenKind.FineGrainedPat => "fine-grained",
        TokenKind.Installation => "installation",
        TokenKind.InstallationStateless => "installation (stateless)",
        TokenKind.UserToServer => "user-to-server",
        TokenKind.OAuth => "oauth",
        TokenKind.RefreshToken => "refresh token",
        TokenKind.Legacy40Hex => "legacy",
        TokenKind.Jwt => "jwt",
        TokenKind.PemKey => "pem key",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
