using System.Globalization;
using System.Text;

namespace Tidemark.Templating;

/// <summary>Reads the words of one action: fields, variables, names, literals and punctuation (Go's text/template lexer, in part).</summary>
internal static class ActionLexer
{
    public static IReadOnlyList<TemplateToken> Lex(string content, TemplateAction action)
    {
        var tokens = new List<TemplateToken>();
        var i = 0;
        while (i < content.Length)
        {
            var space = false;
            while (i < content.Length && char.IsWhiteSpace(content[i]))
            {
                i++;
                space = true;
            }

            if (i >= content.Length)
            {
                break;
            }

            var (token, next) = Next(content, i, space || tokens.Count == 0, action);
            tokens.Add(token);
            i = next;
        }

        return tokens;
    }

    private static (TemplateToken Token, int Next) Next(string s, int i, bool space, TemplateAction action)
    {
        var c = s[i];
        switch (c)
        {
            case '(':
                return (new TemplateToken(TokenKind.LeftParen, "(", space), i + 1);
            case ')':
                return (new TemplateToken(TokenKind.RightParen, ")", space), i + 1);
            case '|':
                return (new TemplateToken(TokenKind.Pipe, "|", space), i + 1);
            case ',':
                return (new TemplateToken(TokenKind.Comma, ",", space), i + 1);
            case '=':
                return (new TemplateToken(TokenKind.Assign, "=", space), i + 1);
            case ':' when i + 1 < s.Length && s[i + 1] == '=':
                return (new TemplateToken(TokenKind.Declare, ":=", space), i + 2);
            case '"':
                return QuotedString(s, i, space, action);
            case '`':
                var end = s.IndexOf('`', i + 1);
                return end < 0
                    ? throw new TemplateException(action, "unterminated raw string")
                    : (new TemplateToken(TokenKind.String, s[i..(end + 1)], space) { Value = s[(i + 1)..end] }, end + 1);
            case '.' when i + 1 < s.Length && IsWordChar(s[i + 1]) && !char.IsDigit(s[i + 1]):
                var fieldEnd = WordEnd(s, i + 1);
                return (new TemplateToken(TokenKind.Field, s[(i + 1)..fieldEnd], space), fieldEnd);
            case '.':
                return (new TemplateToken(TokenKind.Dot, ".", space), i + 1);
            case '$':
                var variableEnd = WordEnd(s, i + 1);
                return (new TemplateToken(TokenKind.Variable, s[i..variableEnd], space), variableEnd);
        }

        if (char.IsDigit(c) || (c is '-' or '+' && i + 1 < s.Length && char.IsDigit(s[i + 1])))
        {
            return Number(s, i, space, action);
        }

        if (IsWordChar(c))
        {
            var wordEnd = WordEnd(s, i);
            var word = s[i..wordEnd];
            var token = word switch
            {
                "true" or "false" => new TemplateToken(TokenKind.Bool, word, space) { Value = word == "true" },
                "nil" => new TemplateToken(TokenKind.Nil, word, space),
                _ => new TemplateToken(TokenKind.Identifier, word, space),
            };
            return (token, wordEnd);
        }

        throw new TemplateException(action, c == '\'' ? "character constants ('x') are not supported; use a string (\"x\")" : $"unexpected \"{c}\" in action");
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int WordEnd(string s, int i)
    {
        while (i < s.Length && IsWordChar(s[i]))
        {
            i++;
        }

        return i;
    }

    private static (TemplateToken, int) Number(string s, int i, bool space, TemplateAction action)
    {
        var end = i + 1;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] == '.'))
        {
            end++;
        }

        var text = s[i..end];
        object value = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? (object)whole
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? real : throw new TemplateException(action, $"bad number syntax: \"{text}\"");
        return (new TemplateToken(TokenKind.Number, text, space) { Value = value }, end);
    }

    /// <summary>A Go interpreted string literal: <c>\n</c>, <c>\t</c>, <c>\\</c>, <c>\"</c>, <c>\xNN</c>, <c>\uNNNN</c>.</summary>
    private static (TemplateToken, int) QuotedString(string s, int start, bool space, TemplateAction action)
    {
        var value = new StringBuilder();
        for (var i = start + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"')
            {
                return (new TemplateToken(TokenKind.String, s[start..(i + 1)], space) { Value = value.ToString() }, i + 1);
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            i++;
            if (i >= s.Length)
            {
                break;
            }

            switch (s[i])
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case '\\': value.Append('\\'); break;
                case '"': value.Append('"'); break;
                case '\'': value.Append('\''); break;
                case 'x' when i + 2 < s.Length:
                    value.Append((char)int.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                case 'u' when i + 4 < s.Length:
                    value.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default:
                    throw new TemplateException(action, $"unknown escape sequence \\{s[i]} in a string");
            }
        }

        throw new TemplateException(action, "unterminated quoted string");
    }
}
