using System.Security.Cryptography;
using System.Text;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>Constant-time checks of what a delivery presents against the configured secret. Nothing here logs or throws with a secret.</summary>
internal static class WebhookSecrets
{
    /// <summary>Shorter secrets disable their hook: a path secret must not be guessable, and the redactor ignores very short strings.</summary>
    public const int MinimumLength = 16;

    /// <summary>
    /// GitHub's <c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body keyed with the secret.
    /// False for a missing or malformed header.
    /// </summary>
    public static bool SignatureMatches(string? header, ReadOnlySpan<byte> body, string secret)
    {
        const string prefix = "sha256=";
        if (header is null || !header.StartsWith(prefix, StringComparison.Ordinal) || header.Length != prefix.Length + (2 * HMACSHA256.HashSizeInBytes))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(header.AsSpan(prefix.Length), presented, out _, out var written) != System.Buffers.OperationStatus.Done ||
            written != presented.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    /// <summary>The value GitHub would send for <paramref name="body"/> (for tests and the docs' example).</summary>
    public static string Signature(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
