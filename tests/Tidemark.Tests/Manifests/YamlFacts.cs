using System.Globalization;
using Tidemark.Manifests;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Tests.Manifests;

/// <summary>
/// The facts the differential test compares, in one form for both parsers, sorted: every non-empty scalar as
/// <c>S [start..end) "value"</c> (its written text: from its quote, block indicator or first character, after any
/// anchor or tag), every alias as <c>A [start..end) name</c>, every comment as <c># [start] "text"</c>.
/// </summary>
internal static class YamlFacts
{
    public static (List<string> Nodes, List<string> Comments) Of(string content, OracleFile oracle)
    {
        var nodes = new List<string>();
        foreach (var (start, end, value) in oracle.Scalars)
        {
            Add(nodes, content, start, end, value);
        }
        nodes.AddRange(oracle.Aliases.Select(a => Alias(a.Start, a.End, a.Name)));
        var comments = oracle.Comments.Select(c => Comment(c.Start, c.Text)).ToList();
        return (Sorted(nodes), Sorted(comments));
    }

    public static (List<string> Nodes, List<string> Comments) Of(string content, YamlFile file)
    {
        var nodes = new List<string>();
        var comments = new List<string>();
        foreach (var document in file.Documents)
        {
            Visit(document.Root, content, nodes, comments);
            comments.AddRange(document.OtherComments.Select(c => Comment(c.Span.Start, c.Text)));
        }
        return (Sorted(nodes), Sorted(comments));
    }

    private static void Visit(YamlNode? node, string content, List<string> nodes, List<string> comments)
    {
        switch (node)
        {
            case YamlScalar scalar:
                Add(nodes, content, TextStart(content, scalar.Span), scalar.Span.End, scalar.Value);
                if (scalar.LineComment is { } comment)
                {
                    comments.Add(Comment(comment.Span.Start, comment.Text));
                }
                break;
            case YamlAlias alias:
                nodes.Add(Alias(alias.Span.Start, alias.Span.End, alias.Anchor));
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    Visit(entry.Key, content, nodes, comments);
                    Visit(entry.Value, content, nodes, comments);
                }
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Visit(item, content, nodes, comments);
                }
                break;
        }
    }

    private static void Add(List<string> nodes, string content, int start, int end, string value)
    {
        // An implicit empty node (`k:`) has no text: where a parser marks it is its own convention.
        if (end <= start)
        {
            return;
        }
        // A block scalar's trailing line breaks and blank lines belong to it for YamlDotNet, and for `yaml` only as
        // far as its chomping keeps them; both agree on where its last content line ends.
        if (content[start] is '|' or '>')
        {
            while (end > start && content[end - 1] is '\n' or '\r' or ' ')
            {
                end--;
            }
        }
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
        nodes.Add(string.Create(CultureInfo.InvariantCulture, $"S [{start}..{end}) \"{escaped}\""));
    }

    private static string Alias(int start, int end, string name) => string.Create(CultureInfo.InvariantCulture, $"A [{start}..{end}) {name}");

    private static string Comment(int start, string text) => string.Create(CultureInfo.InvariantCulture, $"# [{start}] \"{text}\"");

    private static List<string> Sorted(List<string> facts)
    {
        facts.Sort(StringComparer.Ordinal);
        return facts;
    }

    /// <summary>
    /// Where a scalar's written text starts: Tidemark's span starts at its anchor or tag (YamlDotNet's mark), the
    /// <c>yaml</c> package's range at the text, so skip <c>&amp;name</c>, <c>!tag</c>, and spaces and comments between.
    /// </summary>
    private static int TextStart(string content, TextSpan span)
    {
        var pos = span.Start;
        while (pos < span.End && content[pos] is '&' or '!' or ' ' or '\t' or '\r' or '\n' or '#')
        {
            var stops = content[pos] switch
            {
                '#' => "\r\n",
                '&' or '!' => " \t\r\n",
                _ => null,
            };
            pos = stops is null ? pos + 1 : IndexOfAnyOrEnd(content, stops, pos, span.End);
        }
        return pos;
    }

    private static int IndexOfAnyOrEnd(string content, string stops, int from, int end)
    {
        var found = content.AsSpan(from, end - from).IndexOfAny(stops);
        return found < 0 ? end : from + found;
    }
}
