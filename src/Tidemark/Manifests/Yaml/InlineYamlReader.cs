using System.Buffers;

namespace Tidemark.Manifests.Yaml;

/// <summary>
/// Reads what <see cref="BlockYamlLocator"/> finds within one line: plain, single- and double-quoted scalars
/// (no escapes) and flow collections that close on the same line. Anything else throws
/// <see cref="InvalidOperationException"/>, which sends the whole file to the YamlDotNet path.
/// </summary>
internal sealed class InlineYamlReader(string text)
{
    // where a plain scalar may end (or be refused), so the characters between are skipped in bulk
    private static readonly SearchValues<char> BlockStops = SearchValues.Create("\n\r#:[]{}");
    private static readonly SearchValues<char> FlowStops = SearchValues.Create("\n\r#:[]{},");

    // Keys and short values repeat across files (name, image, value, true…): one string each per thread saves
    // most scalar allocations. Bounded, and strings are compared by value, so nothing observable is kept.
    [ThreadStatic]
    private static Dictionary<string, string>? _strings;

    /// <summary>The 1-based line being read (the locator moves it line by line, so no offset is ever looked up).</summary>
    public int Line { get; set; } = 1;

    // Flow collections open now: past YamlNesting's limit the file is left to the guarded YamlDotNet path, which
    // refuses it, instead of recursing until the stack overflows.
    private int _flowDepth;

    /// <summary>Thrown for anything outside the subset; the caller falls back to YamlDotNet.</summary>
    public static InvalidOperationException Unsure() => new("not in the block-style subset");

    /// <summary>Whether <paramref name="pos"/> ends a line (a line break or the end of the text).</summary>
    public bool AtEol(int pos) => pos >= text.Length || text[pos] is '\n' or '\r';

    /// <summary>A scalar or flow collection starting at <paramref name="pos"/>; <paramref name="pos"/> ends after it.</summary>
    public YamlNode ReadValue(ref int pos, bool flow)
    {
        return text[pos] switch
        {
            '{' => ReadFlowMapping(ref pos),
            '[' => ReadFlowSequence(ref pos),
            _ => ReadScalar(ref pos, flow, isKey: false, comment: null),
        };
    }

    /// <summary>A scalar at <paramref name="pos"/> (a key stops before its ':'); the comment is its line comment.</summary>
    public YamlScalar ReadScalar(ref int pos, bool flow, bool isKey, YamlComment? comment)
    {
        var start = pos;
        var (style, value) = text[pos] switch
        {
            '\'' => (YamlScalarStyle.SingleQuoted, SingleQuoted(ref pos)),
            '"' => (YamlScalarStyle.DoubleQuoted, DoubleQuoted(ref pos)),
            _ => (YamlScalarStyle.Plain, Plain(ref pos, flow, isKey)),
        };
        return Scalar(value, style, new TextSpan(start, pos - start), comment);
    }

    /// <summary>The same scalar with its line comment.</summary>
    public YamlScalar WithComment(YamlScalar scalar, YamlComment comment) => scalar with { LineComment = comment };

    /// <summary>The offset after the spaces from <paramref name="pos"/>.</summary>
    public int SkipSpaces(int pos)
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }
        return pos;
    }

    private YamlScalar Scalar(string value, YamlScalarStyle style, TextSpan span, YamlComment? comment)
    {
        var valueSpan = style == YamlScalarStyle.Plain
            ? span
            : (TextSpan?)(value.Length == span.Length - 2 ? new TextSpan(span.Start + 1, span.Length - 2) : null);
        return new YamlScalar(value, style, span, Line, valueSpan, comment);
    }

    private string SingleQuoted(ref int pos)
    {
        var start = ++pos;
        var doubled = false;
        while (true)
        {
            if (AtEol(pos))
            {
                throw Unsure();
            }
            if (text[pos] == '\'')
            {
                if (pos + 1 < text.Length && text[pos + 1] == '\'')
                {
                    doubled = true;
                    pos += 2;
                    continue;
                }
                break;
            }
            pos++;
        }
        var inner = text.AsSpan(start, pos++ - start);
        return doubled ? inner.ToString().Replace("''", "'", StringComparison.Ordinal) : Shared(inner);
    }

    private string DoubleQuoted(ref int pos)
    {
        var start = ++pos;
        while (!AtEol(pos) && text[pos] != '"')
        {
            if (text[pos] == '\\')
            {
                throw Unsure();
            }
            pos++;
        }
        if (AtEol(pos))
        {
            throw Unsure();
        }
        return Shared(text.AsSpan(start, pos++ - start));
    }

    /// <summary>A plain scalar on one line: stops at " #", ": " (or ':' before a flow indicator), a line end, and in flow at ",[]{}".</summary>
    private string Plain(ref int pos, bool flow, bool isKey)
    {
        var first = text[pos];
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(first, StringComparison.Ordinal)
            && !(first == '-' && pos + 1 < text.Length && text[pos + 1] is not (' ' or '\n' or '\r')))
        {
            throw Unsure();
        }
        var start = pos;
        pos++;
        while (true)
        {
            var next = text.AsSpan(pos).IndexOfAny(flow ? FlowStops : BlockStops);
            pos = next < 0 ? text.Length : pos + next;
            if (AtEol(pos) || EndsPlain(pos, flow))
            {
                break;
            }
            if (!flow && text[pos] is '[' or ']' or '{' or '}')
            {
                throw Unsure();
            }
            pos++;
        }
        if (!isKey && !flow && !AtEol(pos) && text[pos] == ':')
        {
            throw Unsure();
        }
        while (text[pos - 1] == ' ')
        {
            pos--;
        }
        return Shared(text.AsSpan(start, pos - start));
    }

    private static string Shared(ReadOnlySpan<char> chars)
    {
        if (chars.Length > 40)
        {
            return chars.ToString();
        }
        var strings = _strings ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var known))
        {
            return known;
        }
        var text = chars.ToString();
        if (strings.Count < 8192)
        {
            strings[text] = text;
        }
        return text;
    }

    private bool EndsPlain(int pos, bool flow)
    {
        var c = text[pos];
        if (c == '#' && text[pos - 1] == ' ')
        {
            return true;
        }
        if (flow && c is ',' or '[' or ']' or '{' or '}')
        {
            return true;
        }
        if (c != ':')
        {
            return false;
        }
        var next = pos + 1 < text.Length ? text[pos + 1] : '\n';
        return next is ' ' or '\n' or '\r' || (flow && next is ',' or ']' or '}');
    }

    private YamlMapping ReadFlowMapping(ref int pos)
    {
        EnterFlow();
        try
        {
            return ReadFlowMappingEntries(ref pos);
        }
        finally
        {
            _flowDepth--;
        }
    }

    private void EnterFlow()
    {
        if (++_flowDepth > YamlNesting.MaxFlowDepth)
        {
            _flowDepth--;
            throw Unsure();
        }
    }

    private YamlMapping ReadFlowMappingEntries(ref int pos)
    {
        var start = pos;
        var entries = new List<YamlEntry>();
        pos = SkipSpaces(pos + 1);
        while (text[pos] != '}')
        {
            var key = ReadScalar(ref pos, flow: true, isKey: true, comment: null);
            pos = SkipSpaces(pos);
            if (text[pos] != ':' || pos + 1 >= text.Length || text[pos + 1] != ' ')
            {
                throw Unsure();
            }
            pos = SkipSpaces(pos + 1);
            entries.Add(new YamlEntry(key, ReadFlowItem(ref pos)));
            pos = AfterFlowItem(pos, '}');
        }
        // YamlDotNet's flow mapping ends at its closing bracket, not after it
        return new YamlMapping(entries, new TextSpan(start, pos++ - start), Line);
    }

    private YamlSequence ReadFlowSequence(ref int pos)
    {
        EnterFlow();
        try
        {
            return ReadFlowSequenceItems(ref pos);
        }
        finally
        {
            _flowDepth--;
        }
    }

    private YamlSequence ReadFlowSequenceItems(ref int pos)
    {
        var start = pos;
        var items = new List<YamlNode>();
        pos = SkipSpaces(pos + 1);
        while (text[pos] != ']')
        {
            items.Add(ReadFlowItem(ref pos));
            pos = AfterFlowItem(pos, ']');
        }
        return new YamlSequence(items, new TextSpan(start, pos++ - start), Line);
    }

    private YamlNode ReadFlowItem(ref int pos)
    {
        if (AtEol(pos) || text[pos] is ',' or '}' or ']' or '#')
        {
            throw Unsure();
        }
        return ReadValue(ref pos, flow: true);
    }

    /// <summary>After an item: ", " then another item (never a trailing comma), or the closing bracket.</summary>
    private int AfterFlowItem(int pos, char close)
    {
        pos = SkipSpaces(pos);
        if (AtEol(pos) || (text[pos] != ',' && text[pos] != close))
        {
            throw Unsure();
        }
        if (text[pos] == close)
        {
            return pos;
        }
        pos = SkipSpaces(pos + 1);
        if (AtEol(pos) || text[pos] == close)
        {
            throw Unsure();
        }
        return pos;
    }
}
