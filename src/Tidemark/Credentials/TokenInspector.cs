using System.Globalization;
using System.Text.RegularExpressions;

namespace Tidemark.Credentials;

/// <summary>
/// Classifies a configured secret by its shape alone (no network) and says what is wrong with it. Pure: a string
/// in, a <see cref="TokenInspection"/> out. Surrounding whitespace (a file's trailing newline) is trimmed; quotes
/// around the value or whitespace inside it make it malformed, and a malformed value is never used.
/// Shapes: docs/token-setup.md and shared research §1.
/// </summary>
internal static partial class TokenInspector
{
    private const string FineGrainedPrefix = "github_pat_";

    public static TokenInspection Inspect(string? raw)
    {
        var trimmed = (raw ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return new TokenInspection(TokenKind.Empty, null, [TokenFindings.Empty], TokenFingerprint.Of(TokenKind.Empty, string.Empty));
        }

        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return new TokenInspection(TokenKind.PemKey, null, [TokenFindings.PemKey], TokenFingerprint.Of(TokenKind.PemKey, trimmed));
        }

        var findings = new List<TokenFinding>();
        var bare = Unquote(trimmed, findings);
        if (FirstWhitespace(bare) is { } whitespace)
        {
            findings.Add(TokenFindings.InnerWhitespace(whitespace));
        }

        var kind = Classify(bare);
        if (ShapeProblem(kind, bare) is { } shape)
        {
            findings.Add(shape);
        }

        if (TokenFindings.ForKind(kind) is { } kindFinding)
        {
            findings.Add(kindFinding);
        }

        var usable = !findings.Any(f => f.Severity == TokenFindingSeverity.Error);
        return new TokenInspection(kind, usable ? bare : null, findings, TokenFingerprint.Of(kind, bare));
    }

    /// <summary>The kind a value's shape suggests; the value is taken as it is (callers trim and unquote).</summary>
    public static TokenKind Classify(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            "" => TokenKind.Empty,
            _ when value.StartsWith(FineGrainedPrefix, StringComparison.Ordinal) => TokenKind.FineGrainedPat,
            _ when value.StartsWith("ghp_", StringComparison.Ordinal) => TokenKind.ClassicPat,
            _ when value.StartsWith("ghs_", StringComparison.Ordinal) => value.Contains('.', StringComparison.Ordinal) ? TokenKind.InstallationStateless : TokenKind.Installation,
            _ when value.StartsWith("ghu_", StringComparison.Ordinal) => TokenKind.UserToServer,
            _ when value.StartsWith("gho_", StringComparison.Ordinal) => TokenKind.OAuth,
            _ when value.StartsWith("ghr_", StringComparison.Ordinal) => TokenKind.RefreshToken,
            _ when value.StartsWith("-----BEGIN", StringComparison.Ordinal) => TokenKind.PemKey,
            _ when LegacyShape().IsMatch(value) => TokenKind.Legacy40Hex,
            _ when value.StartsWith("eyJ", StringComparison.Ordinal) && value.Count(c => c == '.') == 2 => TokenKind.Jwt,
            _ => TokenKind.Unknown,
        };
    }

    private static string Unquote(string value, List<TokenFinding> findings)
    {
        var quote = value[0] is '"' or '\'' ? value[0] : value[^1] is '"' or '\'' ? value[^1] : (char?)null;
        if (quote is not null)
        {
            findings.Add(TokenFindings.Quoted(quote.Value));
            return value.Trim('"', '\'').Trim();
        }

        // no token kind has a quote character, so a quote inside is a paste or quoting mistake, never part of the value
        if (value.IndexOfAny(['"', '\'']) is var at and >= 0)
        {
            findings.Add(TokenFindings.InnerQuote(value[at]));
        }

        return value;
    }

    private static string? FirstWhitespace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return c switch
                {
                    '\n' or '\r' => "a line break",
                    '\t' => "a tab",
                    ' ' => "a space",
                    _ => string.Create(CultureInfo.InvariantCulture, $"a whitespace character (U+{(int)c:X4})"),
                };
            }
        }

        return null;
    }

    private static TokenFinding? ShapeProblem(TokenKind kind, string value)
    {
        var (shape, expected) = kind switch
        {
            TokenKind.FineGrainedPat => (FineGrainedShape(), "93 characters: github_pat_, 22 letters or digits, _, 59 letters or digits"),
            TokenKind.ClassicPat or TokenKind.Installation or TokenKind.UserToServer or TokenKind.OAuth => (PrefixedShape(), "40 characters: the prefix and 36 letters or digits"),
            TokenKind.InstallationStateless => (StatelessShape(), "ghs_, the App id, _, and a JWT of letters, digits, '.', '_' and '-'"),
            TokenKind.RefreshToken => (RefreshShape(), "80 characters: ghr_ and 76 letters or digits"),
            _ => ((Regex?)null, string.Empty),
        };
        return shape is null || shape.IsMatch(value) ? null : TokenFindings.UnexpectedShape(kind, value.Length, expected);
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex LegacyShape();

    [GeneratedRegex("^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$")]
    private static partial Regex FineGrainedShape();

    [GeneratedRegex("^gh[psuo]_[A-Za-z0-9]{36}$")]
    private static partial Regex PrefixedShape();

    [GeneratedRegex("^ghs_[0-9]+_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")]
    private static partial Regex StatelessShape();

    [GeneratedRegex("^ghr_[A-Za-z0-9]{76}$")]
    private static partial Regex RefreshShape();
}
