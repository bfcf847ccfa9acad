namespace Tidemark.Manifests.Yaml;

/// <summary>
/// Finds the comments of a YAML text that has already parsed, without YamlDotNet's comment scanner (whose
/// <c>skipComments: false</c> mode rejects valid files, issue #9). A <c>#</c> starts a comment when it begins a line
/// or follows a space or tab (YAML 1.2 §6.6, https://yaml.org/spec/1.2.2/#66-comments) and is not inside the text of a
/// quoted or block scalar; a plain scalar can never hold such a <c>#</c>, so only those two styles need the parse.
/// A comment runs to the end of its line, e.g. <c># {"$imagepolicy": "flux-system:app"}</c>.
/// </summary>
internal static class YamlCommentScanner
{
    /// <summary>
    /// The comments from <paramref name="from"/> (after a BOM) in file order; <paramref name="excluded"/> are the
    /// spans of scalar text in file order (see <see cref="ScalarText"/>), where a <c>#</c> is content.
    /// </summary>
    public static List<YamlComment> Scan(string content, int from, IReadOnlyList<TextSpan> excluded, LineMap lines)
    {
        var comments = new List<YamlComment>();
        var region = 0;
        var hash = content.IndexOf('#', from);
        while (hash >= 0)
        {
            while (region < excluded.Count && excluded[region].End <= hash)
            {
                region++;
            }
            if (region < excluded.Count && excluded[region].Start <= hash)
            {
                hash = content.IndexOf('#', excluded[region].End);
                continue;
            }
            if (hash != from && content[hash - 1] is not (' ' or '\t' or '\n' or '\r'))
            {
                hash = content.IndexOf('#', hash + 1);
                continue;
            }
            var end = LineEnd(content, hash);
            var text = content[hash..end];
            comments.Add(new YamlComment(text, new TextSpan(hash, end - hash), lines.Line(hash), !StartsLine(content, from, hash)));
            hash = content.IndexOf('#', end);
        }
        return comments;
    }

    /// <summary>
    /// The part of a scalar's span where a <c>#</c> is content, or null for a plain scalar: a quoted scalar from its
    /// opening quote, a block scalar from the line after its header (the header line may end in a comment). The
    /// span starts at the node's anchor or tag when it has one, and a comment may sit between those and the text.
    /// </summary>
    public static TextSpan? ScalarText(string content, TextSpan span, YamlScalarStyle style)
    {
        if (style == YamlScalarStyle.Plain)
        {
            return null;
        }
        var start = ContentStart(content, span);
        if (style == YamlScalarStyle.Block)
        {
            start = Math.Min(LineEnd(content, start), span.End);
        }
        return new TextSpan(start, span.End - start);
    }

    /// <summary>Where the node's own text starts after its properties (<c>&amp;anchor</c>, <c>!tag</c>) and any comment between.</summary>
    private static int ContentStart(string content, TextSpan span)
    {
        var pos = span.Start;
        while (pos < span.End)
        {
            var c = content[pos];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pos++;
            }
            else if (c == '#')
            {
                pos = LineEnd(content, pos);
            }
            else if (c is '&' or '!')
            {
                while (pos < span.End && content[pos] is not (' ' or '\t' or '\r' or '\n'))
                {
                    pos++;
                }
            }
            else
            {
                return pos;
            }
        }
        return span.End;
    }

    private static int LineEnd(string content, int pos)
    {
        var end = content.AsSpan(pos).IndexOfAny('\n', '\r');
        return end < 0 ? content.Length : pos + end;
    }

    private static bool StartsLine(string content, int from, int pos)
    {
        while (pos > from && content[pos - 1] is ' ' or '\t')
        {
            pos--;
        }
        return pos == from || content[pos - 1] is '\n' or '\r';
    }
}
