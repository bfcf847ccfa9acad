using System.Text.RegularExpressions;

namespace Tidemark.Manifests;

/// <summary>
/// Whether a text written as a plain YAML scalar would read as something other than a string (YAML 1.1 and 1.2
/// core schema: null, bool, int, float, sexagesimal, timestamp) — such values are double-quoted when written
/// into a plain scalar, as kyaml's <c>FormatNonStringStyle</c> does (a tag <c>1.10</c> → <c>"1.10"</c>).
/// </summary>
internal static partial class PlainScalars
{
    public static bool ReadsAsNonString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 || Keyword().IsMatch(text) || Number().IsMatch(text) || Timestamp().IsMatch(text);
    }

    /// <summary>Whether <paramref name="text"/> can stand as a plain scalar at all (no indicators, no ": " or " #").</summary>
    public static bool IsSafePlain(string text) => text.Length > 0
        && !"-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)
        && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':') && !text.Any(char.IsWhiteSpace);

    [GeneratedRegex("^(~|null|true|false|yes|no|on|off|y|n)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    [GeneratedRegex(
        @"^[-+]?(([0-9][0-9_]*)?\.?[0-9_]*([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|\.(inf|Inf|INF|nan|NaN|NAN))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
