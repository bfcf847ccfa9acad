using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tidemark.Credentials;

/// <summary>
/// Identifies a token in output without revealing it: its kind, its last four characters (only when the value is
/// long enough that four characters give nothing away) and the first six hex digits of its SHA-256.
/// Example: <c>fine-grained …a1b2 #3f9c1e</c>. The same value always gives the same fingerprint.
/// </summary>
internal sealed record TokenFingerprint(TokenKind Kind, string? LastFour, string Hash)
{
    /// <summary>Below this length the tail is not shown: four of twelve characters would be a third of a secret.</summary>
    public const int MinimumLengthForTail = 20;

    public static TokenFingerprint Of(TokenKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        var hash = Convert.ToHexStringLower(digest, 0, 3);
        var showTail = value.Length >= MinimumLengthForTail && kind != TokenKind.PemKey;
        return new TokenFingerprint(kind, showTail ? value[^4..] : null, hash);
    }

    public override string ToString()
    {
        var label = TokenKindLabels.Label(Kind);
        return LastFour is null
            ? string.Create(CultureInfo.InvariantCulture, $"{label} #{Hash}")
            : string.Create(CultureInfo.InvariantCulture, $"{label} …{LastFour} #{Hash}");
    }
}
