using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tidemark.Manifests.Yaml;

/// <summary>Builds located nodes from the parser's events; an inline comment right after a scalar is its line comment.</summary>
internal sealed class YamlTreeBuilder
{
    private readonly string _content;
    private readonly int _bom;
    private readonly LineMap _lines;
    private readonly Parser _parser;
    private List<YamlComment> _comments = [];
    private ParsingEvent? _current;
    private YamlComment? _inlineAfterPrevious;

    public YamlTreeBuilder(string content, int bom, LineMap lines)
    {
        _content = content;
        _bom = bom;
        _lines = lines;
        _parser = new Parser(new Scanner(new StringReader(bom == 0 ? content : content[bom..]), skipComments: false));
    }

    public IReadOnlyList<YamlDocument> ReadStream()
    {
        var documents = new List<YamlDocument>();
        Advance();
        Advance();
        while (_current is DocumentStart)
        {
            Advance();
            var root = _current is DocumentEnd ? null : ReadNode();
            Advance();
            documents.Add(new YamlDocument(root, _comments));
            _comments = [];
        }
        return documents;
    }

    private YamlNode ReadNode() => _current switch
    {
        Scalar scalar => ReadScalar(scalar),
        SequenceStart start => ReadSequence(start),
        MappingStart start => ReadMapping(start),
        AnchorAlias alias => ReadAlias(alias),
        _ => throw new YamlException(_current!.Start, _current.End, "unexpected event " + _current.GetType().Name),
    };

    private YamlScalar ReadScalar(Scalar scalar)
    {
        Advance();
        var span = SpanOf(scalar.Start, scalar.End);
        var style = StyleOf(scalar.Style);
        var valueSpan = ValueSpan(span, style, scalar.Value);
        var comment = _inlineAfterPrevious is { } c && c.Line == _lines.Line(Math.Max(span.Start, span.End - 1)) ? c : null;
        return new YamlScalar(scalar.Value, style, span, _lines.Line(valueSpan?.Start ?? span.Start), valueSpan, comment);
    }

    private YamlSequence ReadSequence(SequenceStart start)
    {
        Advance();
        var items = new List<YamlNode>();
        while (_current is not SequenceEnd)
        {
            items.Add(ReadNode());
        }
        var span = SpanOf(start.Start, _current.End);
        Advance();
        return new YamlSequence(items, span, _lines.Line(span.Start));
    }

    private YamlMapping ReadMapping(MappingStart start)
    {
        Advance();
        var entries = new List<YamlEntry>();
        while (_current is not MappingEnd)
        {
            var key = ReadNode();
            entries.Add(new YamlEntry(key, ReadNode()));
        }
        var span = SpanOf(start.Start, _current.End);
        Advance();
        return new YamlMapping(entries, span, _lines.Line(span.Start));
    }

    private YamlAlias ReadAlias(AnchorAlias alias)
    {
        Advance();
        var span = SpanOf(alias.Start, alias.End);
        return new YamlAlias(alias.Value.Value, span, _lines.Line(span.Start));
    }

    /// <summary>Moves to the next structural event; comments are collected, an inline one right after the previous event is kept apart.</summary>
    private void Advance()
    {
        _inlineAfterPrevious = null;
        var first = true;
        while (_parser.MoveNext())
        {
            if (_parser.Current is not Comment comment)
            {
                _current = _parser.Current;
                return;
            }
            var located = Locate(comment);
            if (first && comment.IsInline)
            {
                _inlineAfterPrevious = located;
            }
            else
            {
                _comments.Add(located);
            }
            first = false;
        }
        _current = null;
    }

    private YamlComment Locate(Comment comment)
    {
        var span = SpanOf(comment.Start, comment.End);
        var hash = _content.LastIndexOf('#', Math.Min(span.Start, _content.Length - 1));
        var start = hash >= 0 && _lines.Line(hash) == _lines.Line(span.Start) ? Math.Min(hash, span.Start) : span.Start;
        var end = Math.Max(span.End, start);
        var text = _content[start..end].TrimEnd('\r', '\n');
        return new YamlComment(text, new TextSpan(start, text.Length), _lines.Line(start), comment.IsInline);
    }

    private TextSpan SpanOf(Mark start, Mark end)
    {
        // An implicit empty node (a document of only comments after `---`) can be marked past the end of the text.
        var from = Math.Min((int)start.Index + _bom, _content.Length);
        var to = Math.Clamp((int)end.Index + _bom, from, _content.Length);
        return new TextSpan(from, to - from);
    }

    private TextSpan? ValueSpan(TextSpan span, YamlScalarStyle style, string value)
    {
        var raw = _content.AsSpan(span.Start, span.Length);
        switch (style)
        {
            case YamlScalarStyle.Plain when raw.EndsWith(value, StringComparison.Ordinal):
                return new TextSpan(span.End - value.Length, value.Length);
            case YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted:
                var quote = style == YamlScalarStyle.SingleQuoted ? '\'' : '"';
                var open = raw.IndexOf(quote);
                var inner = new TextSpan(span.Start + open + 1, span.Length - open - 2);
                return open >= 0 && inner.Length >= 0 && _content.AsSpan(inner.Start, inner.Length).SequenceEqual(value)
                    ? inner
                    : null;
            default:
                return null;
        }
    }

    private static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
        ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
        ScalarStyle.Literal or ScalarStyle.Folded => YamlScalarStyle.Block,
        _ => YamlScalarStyle.Plain,
    };
}
