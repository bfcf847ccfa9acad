using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tidemark.Credentials;

/// <summary>
/// The forms a secret takes in text besides itself: inside base64 (whatever is encoded around it, e.g.
/// <c>base64(anyuser:SECRET)</c> in an <c>Authorization: Basic</c> header or a docker config's <c>auth</c>),
/// percent-encoded and JSON-escaped. Shared by the <see cref="Redactor"/> (what leaves the process) and the
/// <see cref="LeakedTokenScanner"/> (what is committed).
/// </summary>
internal static partial class SecretEncodings
{
    /// <summary>The shortest base64 needle the leak scan looks for in files (shorter ones match unrelated data).</summary>
    public const int LeakScanNeedleLength = 16;

    /// <summary>
    /// What <paramref name="value"/> looks like inside base64 whatever bytes come before and after it: its encoding at
    /// each of the three byte alignments it can have in a longer text, without the characters that also depend on the
    /// bytes around it. A base64 run containing one of them decodes to text containing the value (for needles of
    /// <paramref name="minimumLength"/> characters or more; shorter ones are left out, too common to mean anything).
    /// Example: for <c>SECRET</c> at offset 15 of <c>x-access-token:SECRET</c> (alignment 0), the needle is
    /// <c>base64(SECRET)</c> without its last, partial group.
    /// </summary>
    public static IReadOnlyList<string> Base64Needles(string value, int minimumLength)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var needles = new List<string>();
        for (var shift = 0; shift < 3; shift++)
        {
            var encoded = Convert.ToBase64String([.. new byte[shift], .. bytes]);
            var skip = shift == 0 ? 0 : shift + 1;         // characters that also carry the prefix's bits
            var end = (shift + bytes.Length) / 3 * 4;       // characters made only of whole 3-byte groups
            if (end - skip >= minimumLength)
            {
                needles.Add(encoded[skip..end]);
            }
        }

        return needles;
    }

    /// <summary>The base64url alphabet (<c>-</c> and <c>_</c> for <c>+</c> and <c>/</c>) of a base64 needle.</summary>
    public static string UrlSafe(string base64) => base64.Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The percent-encoded forms of <paramref name="value"/> that differ from it: RFC 3986 (<c>%2B</c>), with lower-case
    /// hex (<c>%2b</c>), and form encoding (space as <c>+</c>).
    /// </summary>
    public static IEnumerable<string> UrlEncoded(string value)
    {
        var upper = Uri.EscapeDataString(value);
        var lower = PercentHex().Replace(upper, m => m.Value.ToLowerInvariant());
        var form = WebUtility.UrlEncode(value);
        return new[] { upper, lower, form, PercentHex().Replace(form, m => m.Value.ToLowerInvariant()) }
            .Where(form => form != value).Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// The JSON string forms of <paramref name="value"/> that differ from it: the default (HTML-safe, <c>\u002B</c>)
    /// escaping, the minimal escaping and the optional <c>\/</c> for a slash.
    /// </summary>
    public static IEnumerable<string> JsonEscaped(string value)
    {
        var safe = JsonEncodedText.Encode(value).Value;
        var minimal = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        return new[] { safe, minimal, minimal.Replace("/", "\\/", StringComparison.Ordinal), safe.Replace("/", "\\/", StringComparison.Ordinal) }
            .Where(form => form != value).Distinct(StringComparer.Ordinal);
    }

    /// <summary>True for the characters of a base64 run (both alphabets, not the padding).</summary>
    public static bool IsBase64Character(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_';

    [GeneratedRegex("%[0-9A-F]{2}")]
    private static partial Regex PercentHex();
}
