namespace Tidemark.Templating;

/// <summary>
/// Splits a template into text and actions the way Go's text/template lexer does: <c>{{- </c> trims the white space
/// (spaces, tabs, CR, LF) before the action, <c> -}}</c> the white space after it (the dash must touch the braces and
/// have white space on its inner side); <c>{{/* … */}}</c> is a comment; quotes inside an action may hold <c>}}</c>.
/// See https://pkg.go.dev/text/template#hdr-Text_and_spaces.
/// </summary>
internal static class TemplateScanner
{
    public static IReadOnlyList<TemplateChunk> Scan(string template)
    {
        var chunks = new List<TemplateChunk>();
        var position = 0;
        var trimNext = false;
        while (true)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var literal = template[position..(open < 0 ? template.Length : open)];
            if (trimNext)
            {
                literal = literal.TrimStart(Spaces);
            }

            if (open < 0)
            {
                Add(chunks, literal);
                return chunks;
            }

            var start = open + 2;
            var trimLeft = start + 1 < template.Length && template[start] == '-' && IsSpace(template[start + 1]);
            if (trimLeft)
            {
                literal = literal.TrimEnd(Spaces);
                start++;
            }

            Add(chunks, literal);
            var close = FindClose(template, start, Where(template, open, template.IndexOf('\n', open) is var nl and >= 0 ? nl : template.Length));
            var trimRight = close - 2 >= start && template[close - 1] == '-' && IsSpace(template[close - 2]);
            var content = template[start..(trimRight ? close - 1 : close)];
            var action = Where(template, open, close + 2);
            if (!IsComment(content, action))
            {
                chunks.Add(new TemplateChunk(content, action));
            }

            position = close + 2;
            trimNext = trimRight;
        }
    }

    private static readonly char[] Spaces = [' ', '\t', '\r', '\n'];

    private static bool IsSpace(char c) => Array.IndexOf(Spaces, c) >= 0;

    private static void Add(List<TemplateChunk> chunks, string literal)
    {
        if (literal.Length > 0)
        {
            chunks.Add(new TemplateChunk(literal, null));
        }
    }

    private static bool IsComment(string content, TemplateAction action)
    {
        var trimmed = content.Trim(Spaces);
        if (!trimmed.StartsWith("/*", StringComparison.Ordinal))
        {
            return false;
        }

        return trimmed.EndsWith("*/", StringComparison.Ordinal) && trimmed.Length >= 4
            ? true
            : throw new TemplateException(action, "unclosed comment: a comment is {{/* text */}}");
    }

    /// <summary>The index of the <c>}}</c> that closes the action starting at <paramref name="start"/>, skipping quoted text and a comment.</summary>
    private static int FindClose(string template, int start, TemplateAction opening)
    {
        var i = start;
        while (i < template.Length && IsSpace(template[i]))
        {
            i++;
        }

        if (string.CompareOrdinal(template, i, "/*", 0, 2) == 0)
        {
            var end = template.IndexOf("*/", i + 2, StringComparison.Ordinal);
            var close = end < 0 ? -1 : template.IndexOf("}}", end + 2, StringComparison.Ordinal);
            return close >= 0 ? close : throw new TemplateException(opening, "unclosed comment: a comment is {{/* text */}}");
        }

        for (; i < template.Length - 1; i++)
        {
            var c = template[i];
            if (c is '"' or '`' or '\'')
            {
                i = SkipQuoted(template, i, opening);
            }
            else if (c == '}' && template[i + 1] == '}')
            {
                return i;
            }
        }

        throw new TemplateException(opening, "unclosed action: every {{ needs a }}");
    }

    private static int SkipQuoted(string template, int start, TemplateAction opening)
    {
        var quote = template[start];
        for (var i = start + 1; i < template.Length; i++)
        {
            if (template[i] == '\\' && quote != '`')
            {
                i++;
            }
            else if (template[i] == quote)
            {
                return i;
            }
            else if (template[i] == '\n' && quote != '`')
            {
                break;
            }
        }

        throw new TemplateException(opening, $"unterminated quoted text starting with {quote}");
    }

    /// <summary>The action text from <paramref name="from"/> to <paramref name="to"/>, with the 1-based line and column of <paramref name="from"/>.</summary>
    private static TemplateAction Where(string template, int from, int to)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < from; i++)
        {
            if (template[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TemplateAction(line, from - lineStart + 1, template[from..Math.Min(to, template.Length)]);
    }
}
