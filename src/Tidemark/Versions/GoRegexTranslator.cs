using System.Text;
using System.Text.RegularExpressions;

namespace Tidemark.Versions;

/// <summary>
/// Rewrites the Go RE2 syntax Flux users write in <c>filterTags.pattern</c> into .NET syntax: <c>(?P&lt;name&gt;…)</c>
/// becomes <c>(?&lt;name&gt;…)</c>, <c>\Q…\E</c> becomes escaped text and POSIX classes such as <c>[[:digit:]]</c>
/// become ASCII ranges. It also lists the capturing groups in Go's numbering (left to right by opening parenthesis,
/// named or not), which differs from .NET's (unnamed groups first). See https://github.com/google/re2/wiki/Syntax.
/// </summary>
internal static class GoRegexTranslator
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z", ["alpha"] = "A-Za-z", ["ascii"] = @"\x00-\x7F", ["blank"] = @"\t ",
        ["cntrl"] = @"\x00-\x1F\x7F", ["digit"] = "0-9", ["graph"] = @"!-~", ["lower"] = "a-z",
        ["print"] = @" -~", ["punct"] = @"!-/:-@\[-`{-~", ["space"] = @"\t\n\v\f\r ", ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_", ["xdigit"] = "0-9A-Fa-f",
    };

    /// <summary>Translates <paramref name="pattern"/>; <paramref name="groupNames"/> gets one entry per Go group (null when unnamed).</summary>
    public static string Translate(string pattern, List<string?> groupNames)
    {
        var output = new StringBuilder(pattern.Length + 8);
        var i = 0;
        while (i < pattern.Length)
        {
            i = pattern[i] switch
            {
                '\\' => CopyEscape(pattern, i, output),
                '[' => CopyClass(pattern, i, output),
                '(' => CopyGroupOpening(pattern, i, output, groupNames),
                _ => Append(output, pattern[i], i),
            };
        }

        return output.ToString();
    }

    private static int Append(StringBuilder output, char c, int i)
    {
        output.Append(c);
        return i + 1;
    }

    private static int CopyEscape(string pattern, int i, StringBuilder output)
    {
        if (i + 1 < pattern.Length && pattern[i + 1] == 'Q')
        {
            var end = pattern.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
            var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
            output.Append(Regex.Escape(literal));
            return end < 0 ? pattern.Length : end + 2;
        }

        var length = Math.Min(2, pattern.Length - i);
        output.Append(pattern, i, length);
        return i + length;
    }

    private static int CopyClass(string pattern, int i, StringBuilder output)
    {
        output.Append('[');
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            output.Append('^');
            i++;
        }

        var first = true;
        while (i < pattern.Length && (first || pattern[i] != ']'))
        {
            first = false;
            if (pattern[i] == '\\')
            {
                i = CopyEscape(pattern, i, output);
            }
            else if (TryPosixClass(pattern, i, out var ranges, out var next))
            {
                output.Append(ranges);
                i = next;
            }
            else
            {
                // a literal '[' inside a class would start .NET class subtraction after '-'; escape it
                output.Append(pattern[i] == '[' ? @"\[" : pattern[i].ToString());
                i++;
            }
        }

        return i < pattern.Length ? Append(output, ']', i) : i;
    }

    private static bool TryPosixClass(string pattern, int i, out string ranges, out int next)
    {
        ranges = string.Empty;
        next = i;
        if (string.CompareOrdinal(pattern, i, "[:", 0, 2) != 0)
        {
            return false;
        }

        var end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
        if (end < 0 || !PosixClasses.TryGetValue(pattern[(i + 2)..end], out var found))
        {
            return false;
        }

        ranges = found;
        next = end + 2;
        return true;
    }

    private static int CopyGroupOpening(string pattern, int i, StringBuilder output, List<string?> groupNames)
    {
        var rest = pattern.AsSpan(i);
        if (rest.StartsWith("(?P<") || (rest.StartsWith("(?<") && !rest.StartsWith("(?<=") && !rest.StartsWith("(?<!")))
        {
            var nameStart = pattern.IndexOf('<', i) + 1;
            var nameEnd = pattern.IndexOf('>', nameStart);
            if (nameEnd > nameStart)
            {
                groupNames.Add(pattern[nameStart..nameEnd]);
                output.Append("(?<").Append(pattern, nameStart, nameEnd - nameStart).Append('>');
                return nameEnd + 1;
            }
        }
        else if (!rest.StartsWith("(?"))
        {
            groupNames.Add(null);
        }

        output.Append('(');
        return i + 1;
    }
}
