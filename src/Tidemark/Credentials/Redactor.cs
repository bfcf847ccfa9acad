using System.Collections.Immutable;
using System.Text;

namespace Tidemark.Credentials;

/// <summary>
/// Replaces each registered secret with <c>[REDACTED]</c> in every form it can take in text: as is; percent-encoded
/// (either hex case, or form-encoded); JSON-escaped; and inside base64 whatever else is encoded with it
/// (<c>base64(SECRET)</c>, <c>base64(anyuser:SECRET)</c> of an <c>Authorization: Basic</c> header or a docker config's
/// <c>auth</c>, in the standard or the URL-safe alphabet), found by the needles of
/// <see cref="SecretEncodings.Base64Needles"/> at each of the three byte alignments, and the whole base64 run around
/// a needle replaced. Thread-safe; registration is rare, redaction is frequent, so the patterns live in immutable
/// arrays swapped on write. Text without a registered form is returned as the same string.
/// </summary>
internal sealed class Redactor : ISecretRedactor
{
    public const string Placeholder = "[REDACTED]";

    /// <summary>Shorter strings are not treated as secrets: redacting "a" would destroy every message.</summary>
    public const int MinimumSecretLength = 6;

    /// <summary>
    /// The shortest base64 needle looked for: a secret of 8 bytes or more has one at each alignment. Shorter
    /// secrets are still found in base64 alone and after the user names git uses (<see cref="BasicUserNames"/>).
    /// </summary>
    public const int MinimumNeedleLength = 8;

    private static readonly string[] BasicUserNames = ["x-access-token", "git", ""];

    private readonly Lock _gate = new();
    private Patterns _patterns = new([], []);

    public void Register(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            var literals = _patterns.Literals.ToHashSet(StringComparer.Ordinal);
            literals.UnionWith(LiteralFormsOf(secret));
            var needles = _patterns.Needles.ToHashSet(StringComparer.Ordinal);
            needles.UnionWith(Base64FormsOf(secret));

            // Longest first, so a longer form is not half-replaced by a shorter overlapping one.
            _patterns = new(
                [.. literals.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)],
                [.. needles.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)]);
        }
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = _patterns;
        // Base64 first: a whole run is replaced, which a literal match inside it would otherwise cut short.
        foreach (var needle in patterns.Needles)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                text = ReplaceRuns(text, needle);
            }
        }

        foreach (var pattern in patterns.Literals)
        {
            if (text.Contains(pattern, StringComparison.Ordinal))
            {
                text = text.Replace(pattern, Placeholder, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Replaces each base64 run holding <paramref name="needle"/>, with its padding, by the placeholder.</summary>
    private static string ReplaceRuns(string text, string needle)
    {
        var result = new StringBuilder(text.Length);
        var copied = 0;
        for (var index = text.IndexOf(needle, StringComparison.Ordinal); index >= 0; index = text.IndexOf(needle, copied, StringComparison.Ordinal))
        {
            var start = index;
            while (start > copied && SecretEncodings.IsBase64Character(text[start - 1]))
            {
                start--;
            }

            var end = index + needle.Length;
            while (end < text.Length && SecretEncodings.IsBase64Character(text[end]))
            {
                end++;
            }

            while (end < text.Length && text[end] == '=')
            {
                end++;
            }

            result.Append(text, copied, start - copied).Append(Placeholder);
            copied = end;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    private static IEnumerable<string> LiteralFormsOf(string secret) =>
        [secret, .. SecretEncodings.UrlEncoded(secret), .. SecretEncodings.JsonEscaped(secret)];

    /// <summary>
    /// The needles of the secret inside any base64 (both alphabets), and for a secret too short to have a needle at
    /// every alignment, its whole base64 alone and after the user names git uses.
    /// </summary>
    private static IEnumerable<string> Base64FormsOf(string secret)
    {
        foreach (var needle in SecretEncodings.Base64Needles(secret, MinimumNeedleLength))
        {
            yield return needle;
            yield return SecretEncodings.UrlSafe(needle);
        }

        foreach (var plain in BasicUserNames.Select(user => user + ":" + secret).Prepend(secret))
        {
            var unpadded = Convert.ToBase64String(Encoding.UTF8.GetBytes(plain)).TrimEnd('=');
            yield return unpadded;
            yield return SecretEncodings.UrlSafe(unpadded);
        }
    }

    private sealed record Patterns(ImmutableArray<string> Literals, ImmutableArray<string> Needles);
}
