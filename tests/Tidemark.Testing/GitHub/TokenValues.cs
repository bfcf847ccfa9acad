using System.Security.Cryptography;

namespace Tidemark.Testing.GitHub;

/// <summary>Generates token values at run time in GitHub's shapes (nothing token-shaped is committed).</summary>
internal static class TokenValues
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(TokenKind kind) => kind switch
    {
        TokenKind.Classic => "ghp_" + Random(36),
        TokenKind.FineGrained => "github_pat_" + Random(22) + "_" + Random(59),
        TokenKind.Installation => "ghs_" + Random(36),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
