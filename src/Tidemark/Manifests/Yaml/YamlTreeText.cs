using System.Globalization;
using System.Text;

namespace Tidemark.Manifests.Yaml;

/// <summary>
/// Every fact of a located tree as text, one node a line (value, style, spans, lines, comments), so two ways of
/// reading a file can be compared exactly, e.g. <c>S Plain "nginx:1" [12..19) 3 [12..19) #[20..25)3 "# note"</c>.
/// </summary>
internal static class YamlTreeText
{
    public static string Of(YamlFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"error {file.Error} {file.ErrorLine}\n");
        foreach (var document in file.Documents)
        {
            text.Append("document\n");
            Append(document.Root, 1, text);
            foreach (var comment in document.OtherComments)
            {
                text.Append("  other ").Append(Comment(comment)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static void Append(YamlNode? node, int depth, StringBuilder text)
    {
        text.Append(' ', depth * 2);
        switch (node)
        {
            case null:
                text.Append("null\n");
                break;
            case YamlScalar s:
                text.Append(CultureInfo.InvariantCulture, $"S {s.Style} \"{s.Value}\" {s.Span} {s.Line} {s.ValueSpan} {Comment(s.LineComment)}\n");
                break;
            case YamlAlias a:
                text.Append(CultureInfo.InvariantCulture, $"A {a.Anchor} {a.Span} {a.Line}\n");
                break;
            case YamlMapping m:
                text.Append(CultureInfo.InvariantCulture, $"M {m.Span} {m.Line}\n");
                foreach (var entry in m.Entries)
                {
                    Append(entry.Key, depth + 1, text);
                    Append(entry.Value, depth + 2, text);
                }
                break;
            case YamlSequence q:
                text.Append(CultureInfo.InvariantCulture, $"Q {q.Span} {q.Line}\n");
                foreach (var item in q.Items)
                {
                    Append(item, depth + 1, text);
                }
                break;
            default:
                text.Append(node.GetType().Name).Append('\n');
                break;
        }
    }

    private static string Comment(YamlComment? comment) => comment is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"#{comment.Span}{comment.Line}{(comment.IsInline ? "i" : "o")} \"{comment.Text}\"");
}
