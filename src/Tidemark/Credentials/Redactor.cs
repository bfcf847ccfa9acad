using System.Collections.Immutable;
using System.Text;

namespace Tidemark.Credentials;

/// <summary>
/// Replaces each registered secret, its base64 form and the base64 of <c>x-access-token:SECRET</c> (the
/// HTTP Basic value git sends with the token) with <c>[REDACTED]</c>. Thread-safe; registration is rare,
/// redaction is frequent, so the patterns live in an immutable array swapped on write.
/// </summary>
internal sealed class Redactor : ISecretRedactor
{
    public const string Placeholder = "[REDACTED]";

    /// <summary>Shorter strings are not treated as secrets: redacting "a" would destroy every message.</summary>
    public const int MinimumSecretLength = 6;

    private static readonly string[] BasicUserNames = ["x-access-token", "git", ""];

    private readonly object _gate = new();
    private ImmutableArray<string> _patterns = [];

    public void Register(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            var patterns = _patterns.ToHashSet(StringComparer.Ordinal);
            patterns.UnionWith(FormsOf(secret));
            // Longest first, so a base64 form is not half-replaced by a shorter overlapping pattern.
            _patterns = [.. patterns.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)];
        }
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = _patterns;
        foreach (var pattern in patterns)
        {
            if (text.Contains(pattern, StringComparison.Ordinal))
            {
                text = text.Replace(pattern, Placeholder, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static IEnumerable<string> FormsOf(string secret)
    {
        yield return secret;
        foreach (var encoded in Base64Forms(secret))
        {
            yield return encoded;
        }

        foreach (var user in BasicUserNames)
        {
            foreach (var encoded in Base64Forms(user + ":" + secret))
            {
                yield return encoded;
            }
        }
    }

    private static IEnumerable<string> Base64Forms(string value)
    {
        var padded = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        yield return padded;
        var unpadded = padded.TrimEnd('=');
        if (unpadded.Length >= MinimumSecretLength)
        {
            yield return unpadded;
        }

        var urlSafe = unpadded.Replace('+', '-').Replace('/', '_');
        if (urlSafe != unpadded)
        {
            yield return urlSafe;
        }
    }
}
