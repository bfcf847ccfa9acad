using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tidemark.Manifests.Yaml;

/// <summary>
/// Builds located nodes from YamlDotNet's event stream. The parse that decides validity and structure does not
/// scan comments: YamlDotNet's comment-preserving scanner (<c>skipComments: false</c>) rejects valid files, e.g. a
/// comment line after <c>k: []</c> or after an anchored scalar (issue #9). Comments are found afterwards by
/// <see cref="YamlCommentScanner"/> and attached here: a comment right after a scalar on the line where it ends is
/// its line comment, every other one belongs to its document's other comments.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly string _content;
    private readonly int _bom;
    private readonly LineMap _lines;
    private readonly List<ParsingEvent> _events = [];
    private List<YamlComment> _comments = [];
    private bool[] _claimed = [];
    private int _next;
    private ParsingEvent? _current;

    public YamlTreeBuilder(string content, int bom, LineMap lines)
    {
        _content = content;
        _bom = bom;
        _lines = lines;
    }

    /// <summary>The documents of the stream; throws <see cref="YamlException"/> when the text is not valid YAML.</summary>
    public IReadOnlyList<YamlDocument> ReadStream()
    {
        var text = _bom == 0 ? _content : _content[_bom..];
        var error = Parse(text);
        if (error?.Message == FlowAnchorWorkaround.Symptom && FlowAnchorWorkaround.Rewrite(text) is { } rewritten)
        {
            _events.Clear();
            error = Parse(rewritten) is null ? null : error;
        }
        if (error is not null)
        {
            throw error;
        }
        var excluded = new List<TextSpan>();
        foreach (var scalar in _events.OfType<Scalar>())
        {
            if (YamlCommentScanner.ScalarText(_content, SpanOf(scalar.Start, scalar.End), StyleOf(scalar.Style)) is { } scalarText)
            {
                excluded.Add(scalarText);
            }
        }
        _comments = YamlCommentScanner.Scan(_content, _bom, excluded, _lines);
        _claimed = new bool[_comments.Count];
        return ReadDocuments();
    }

    /// <summary>Reads every event of <paramref name="text"/> (the content without its BOM) into the list; the error when it is not valid YAML.</summary>
    private YamlException? Parse(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        try
        {
            while (parser.MoveNext())
            {
                _events.Add(parser.Current!);
            }
            return null;
        }
        catch (YamlException e)
        {
            return e;
        }
    }

    private List<YamlDocument> ReadDocuments()
    {
        var roots = new List<YamlNode?>();
        var starts = new List<int>();
        Advance();
        Advance();
        while (_current is DocumentStart start)
        {
            starts.Add(SpanOf(start.Start, start.End).Start);
            Advance();
            roots.Add(_current is DocumentEnd ? null : ReadNode());
            Advance();
        }
        var documents = new List<YamlDocument>(roots.Count);
        var next = 0;
        for (var i = 0; i < roots.Count; i++)
        {
            // a document's comments run up to the next document's start; the first one also takes those before it
            var to = i + 1 < starts.Count ? starts[i + 1] : int.MaxValue;
            documents.Add(new YamlDocument(roots[i], OtherComments(ref next, to)));
        }
        return documents;
    }

    /// <summary>The comments from <paramref name="next"/> that start before <paramref name="to"/> and are no scalar's line comment.</summary>
    private List<YamlComment> OtherComments(ref int next, int to)
    {
        var other = new List<YamlComment>();
        for (; next < _comments.Count && _comments[next].Span.Start < to; next++)
        {
            if (!_claimed[next])
            {
                other.Add(_comments[next]);
            }
        }
        return other;
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
        return new YamlScalar(scalar.Value, style, span, _lines.Line(valueSpan?.Start ?? span.Start), valueSpan, ClaimLineComment(span));
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

    private void Advance() => _current = _next < _events.Count ? _events[_next++] : null;

    /// <summary>
    /// The first comment after the scalar when only spaces (or, after a key, its ':') stand between them on the
    /// line where the scalar ends, e.g. <c>tag: 1.2.3 # {"$imagepolicy": "ns:app:tag"}</c>; a comment after a
    /// flow collection's closing bracket is nobody's line comment.
    /// </summary>
    private YamlComment? ClaimLineComment(TextSpan span)
    {
        var index = FirstCommentFrom(span.End);
        if (index >= _comments.Count || _claimed[index])
        {
            return null;
        }
        var comment = _comments[index];
        var between = _content.AsSpan(span.End, comment.Span.Start - span.End).Trim(" \t");
        var lastLine = _lines.Line(Math.Max(span.Start, span.End - 1));
        if (comment.Line != lastLine || !(between.IsEmpty || between is ":"))
        {
            return null;
        }
        _claimed[index] = true;
        return comment;
    }

    private int FirstCommentFrom(int offset)
    {
        var (low, high) = (0, _comments.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = _comments[middle].Span.Start < offset ? (middle + 1, high) : (low, middle);
        }
        return low;
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
