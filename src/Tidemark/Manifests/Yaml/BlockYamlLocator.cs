using System.Buffers;

namespace Tidemark.Manifests.Yaml;

/// <summary>
/// A hand-written locator for the block-style YAML most GitOps files are written in: block mappings and
/// sequences, one-line plain and quoted scalars, one-line flow collections, comments, <c>---</c>, CRLF, a BOM.
/// It gives the same located tree as the YamlDotNet path (<see cref="YamlTreeBuilder"/>) and returns null for
/// anything else (block scalars, anchors, aliases, tags, escapes, multi-line scalars, tabs, directives, empty
/// values…), so the caller falls back to YamlDotNet; the equivalence is a test over every test input.
/// </summary>
internal sealed class BlockYamlLocator
{
    // tabs, line breaks other than LF and CRLF, and characters YamlDotNet refuses or treats specially
    private static readonly SearchValues<char> Unsupported = SearchValues.Create(
        "\t\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015"
        + "\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0085\u2028\u2029\uFEFF\uFFFE\uFFFF");

    private const int DocumentStart = -2;
    private const int End = -1;

    private readonly string _text;
    private readonly InlineYamlReader _inline;
    private readonly Stack<List<YamlEntry>> _entryLists = new();
    private readonly Stack<List<YamlNode>> _itemLists = new();
    private List<YamlComment> _comments = [];
    private int _pos;

    private BlockYamlLocator(string text, int bom)
    {
        _text = text;
        _inline = new InlineYamlReader(text);
        _pos = bom;
    }

    /// <summary>The located file, or null when the text is outside the subset (read it with YamlDotNet then).</summary>
    public static YamlFile? TryRead(string content, LineMap lines)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bom = content.StartsWith('\uFEFF') ? 1 : 0;
        if (content.AsSpan(bom).IndexOfAny(Unsupported) >= 0 || HasLoneCarriageReturn(content))
        {
            return null;
        }
        try
        {
            return new YamlFile(new BlockYamlLocator(content, bom).ReadStream(), null, 0, lines);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static bool HasLoneCarriageReturn(string content)
    {
        for (var i = content.IndexOf('\r', StringComparison.Ordinal); i >= 0; i = content.IndexOf('\r', i + 1))
        {
            if (i + 1 >= content.Length || content[i + 1] != '\n')
            {
                return true;
            }
        }
        return false;
    }

    private List<YamlDocument> ReadStream()
    {
        var documents = new List<YamlDocument>();
        var (root, open) = ((YamlNode?)null, false);
        while (NextContentLine() is var indent && indent != End)
        {
            if (indent == DocumentStart)
            {
                Close(documents, ref root, ref open);
                open = true;
                NextLine(_pos);
                continue;
            }
            if (indent != 0 || root is not null)
            {
                throw InlineYamlReader.Unsure();
            }
            root = ReadBlockNode(indent, parent: -1);
        }
        Close(documents, ref root, ref open);
        return documents;
    }

    /// <summary>Ends the current document: a document needs content (an empty one reads differently in YamlDotNet).</summary>
    private void Close(List<YamlDocument> documents, ref YamlNode? root, ref bool open)
    {
        if (root is null)
        {
            if (open)
            {
                throw InlineYamlReader.Unsure();
            }
            return;
        }
        documents.Add(new YamlDocument(root, _comments));
        _comments = [];
        root = null;
        open = false;
    }

    /// <summary>Skips blank and comment lines (collecting the comments); the indent of the next line, <see cref="DocumentStart"/> or <see cref="End"/>.</summary>
    private int NextContentLine()
    {
        while (_pos < _text.Length)
        {
            var first = _inline.SkipSpaces(_pos);
            if (_inline.AtEol(first))
            {
                NextLine(_pos);
                continue;
            }
            if (_text[first] == '#')
            {
                _comments.Add(Comment(first, inline: false));
                NextLine(_pos);
                continue;
            }
            if (first == _pos && (StartsWith(first, "---") || StartsWith(first, "...")))
            {
                return _text[first] == '-' && _inline.AtEol(first + 3) ? DocumentStart : throw InlineYamlReader.Unsure();
            }
            return first - _pos;
        }
        return End;
    }

    private YamlNode ReadBlockNode(int indent, int parent)
    {
        if (indent <= parent)
        {
            throw InlineYamlReader.Unsure();
        }
        var at = _pos + indent;
        return IsEntry(at) ? ReadSequence(indent, indentless: false) : ReadMapping(at, indent);
    }

    private YamlMapping ReadMapping(int firstKey, int indent)
    {
        var entries = _entryLists.Count > 0 ? _entryLists.Pop() : [];
        var (at, line) = (firstKey, _inline.Line);
        while (true)
        {
            entries.Add(ReadEntry(at, indent));
            var next = NextContentLine();
            if (next > indent || (next == indent && IsEntry(_pos + next)))
            {
                throw InlineYamlReader.Unsure();
            }
            if (next != indent)
            {
                return new YamlMapping(ToArray(entries, _entryLists), Span(firstKey, next), line);
            }
            at = _pos + next;
        }
    }

    private YamlEntry ReadEntry(int at, int indent)
    {
        var pos = at;
        var key = _inline.ReadScalar(ref pos, flow: false, isKey: true, comment: null);
        if (pos >= _text.Length || _text[pos] != ':' || pos - at > 1000 || !(_inline.AtEol(pos + 1) || _text[pos + 1] == ' '))
        {
            throw InlineYamlReader.Unsure();
        }
        pos = _inline.SkipSpaces(pos + 1);
        if (!_inline.AtEol(pos))
        {
            return new YamlEntry(key, ReadInlineValue(pos, indent));
        }
        NextLine(pos);
        var next = NextContentLine();
        if (next == indent && IsEntry(_pos + next))
        {
            return new YamlEntry(key, ReadSequence(indent, indentless: true));
        }
        return new YamlEntry(key, ReadBlockNode(next, indent));
    }

    private YamlSequence ReadSequence(int indent, bool indentless)
    {
        var items = _itemLists.Count > 0 ? _itemLists.Pop() : [];
        var (first, line) = (_pos + indent, _inline.Line);
        while (true)
        {
            items.Add(ReadItem(_pos + indent, indent));
            var next = NextContentLine();
            if (next > indent || (next == indent && !indentless && !IsEntry(_pos + next)))
            {
                throw InlineYamlReader.Unsure();
            }
            if (next != indent || !IsEntry(_pos + next))
            {
                return new YamlSequence(ToArray(items, _itemLists), Span(first, next), line);
            }
        }
    }

    private YamlNode ReadItem(int dash, int indent)
    {
        var pos = _inline.SkipSpaces(dash + 1);
        if (_inline.AtEol(pos))
        {
            NextLine(pos);
            return ReadBlockNode(NextContentLine(), indent);
        }
        if (IsEntry(pos) || _text[pos] == '#')
        {
            throw InlineYamlReader.Unsure();
        }
        return IsKeyLine(pos) ? ReadMapping(pos, pos - _pos) : ReadInlineValue(pos, indent);
    }

    /// <summary>A value that starts and ends on this line, then an optional comment; the next line must not be deeper.</summary>
    private YamlNode ReadInlineValue(int pos, int indent)
    {
        var value = _inline.ReadValue(ref pos, flow: false);
        var after = _inline.SkipSpaces(pos);
        if (!_inline.AtEol(after))
        {
            if (_text[after] != '#' || after == pos || value is not YamlScalar scalar)
            {
                throw InlineYamlReader.Unsure();
            }
            value = _inline.WithComment(scalar, Comment(after, inline: true));
        }
        NextLine(after);
        var next = NextContentLine();
        return next > indent ? throw InlineYamlReader.Unsure() : value;
    }

    /// <summary>Whether the line from <paramref name="pos"/> is a key (a scalar then ':' and a space or the line end).</summary>
    private bool IsKeyLine(int pos)
    {
        var line = _text.AsSpan(pos, LineAfter(pos) - pos);
        var colon = line.IndexOf(':');
        while (colon >= 0 && colon + 1 < line.Length && line[colon + 1] is not (' ' or '\n' or '\r'))
        {
            var further = line[(colon + 1)..].IndexOf(':');
            colon = further < 0 ? -1 : colon + 1 + further;
        }
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return colon >= 0 && (hash < 0 || colon < hash) && line[0] is not ('{' or '[' or '"' or '\'');
    }

    private YamlComment Comment(int hash, bool inline)
    {
        var length = _text.AsSpan(hash).IndexOfAny('\n', '\r');
        var end = length < 0 ? _text.Length : hash + length;
        return new YamlComment(_text[hash..end], new TextSpan(hash, end - hash), _inline.Line, inline);
    }

    private bool IsEntry(int pos) => _text[pos] == '-' && _inline.AtEol(pos + 1) || (pos + 1 < _text.Length && _text[pos] == '-' && _text[pos + 1] == ' ');

    private bool StartsWith(int pos, string marker) => _text.AsSpan(pos).StartsWith(marker, StringComparison.Ordinal);

    /// <summary>A collection ends where the next token starts (after the comments), or at the end of the text.</summary>
    private TextSpan Span(int start, int next) =>
        new(start, (next == End ? _text.Length : next == DocumentStart ? _pos : _pos + next) - start);

    /// <summary>Moves to the start of the line after the one holding <paramref name="pos"/> (the current line).</summary>
    private void NextLine(int pos)
    {
        _pos = LineAfter(pos);
        _inline.Line++;
    }

    private static T[] ToArray<T>(List<T> scratch, Stack<List<T>> free)
    {
        var array = scratch.ToArray();
        scratch.Clear();
        free.Push(scratch);
        return array;
    }

    private int LineAfter(int pos)
    {
        var newline = _text.IndexOf('\n', pos);
        return newline < 0 ? _text.Length : newline + 1;
    }
}
