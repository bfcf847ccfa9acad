namespace Tidemark.Templating;

/// <summary>
/// Builds the node tree from scanned chunks: actions, <c>if</c>/<c>else if</c>, <c>with</c>/<c>else with</c>, <c>range</c>
/// with <c>else</c>, each closed by <c>end</c>. Anything else Go's text/template knows (<c>define</c>, <c>template</c>,
/// <c>block</c>, <c>break</c>, <c>continue</c>) is refused with the action that used it.
/// </summary>
internal sealed class TemplateParser
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal) { "define", "template", "block", "break", "continue" };

    private readonly IReadOnlyList<TemplateChunk> chunks;
    private int index;

    private TemplateParser(IReadOnlyList<TemplateChunk> chunks) => this.chunks = chunks;

    public static IReadOnlyList<TemplateNode> Parse(string template)
    {
        var parser = new TemplateParser(TemplateScanner.Scan(template));
        var (nodes, stop) = parser.ParseList();
        return stop is null ? nodes : throw new TemplateException(stop.Action, $"unexpected {{{{{stop.Word}}}}}: nothing is open for it to close");
    }

    /// <summary>Where a list stopped: at <c>end</c> or <c>else</c> (with the words after <c>else</c>); null at the template's end.</summary>
    private sealed record Stop(TemplateAction Action, string Word, IReadOnlyList<TemplateToken> Rest);

    private (List<TemplateNode> Nodes, Stop? Stop) ParseList()
    {
        var nodes = new List<TemplateNode>();
        while (index < chunks.Count)
        {
            var chunk = chunks[index++];
            if (chunk.Action is not { } action)
            {
                nodes.Add(new TemplateNode.Text(chunk.Text));
                continue;
            }

            var tokens = ActionLexer.Lex(chunk.Text, action);
            if (tokens.Count == 0)
            {
                throw new TemplateException(action, "missing value for command");
            }

            var word = tokens[0].Kind == TokenKind.Identifier ? tokens[0].Text : null;
            switch (word)
            {
                case "end" or "else":
                    return (nodes, new Stop(action, word, [.. tokens.Skip(1)]));
                case "if" or "with" or "range":
                    nodes.Add(ParseControl(action, word, [.. tokens.Skip(1)]));
                    break;
                case { } name when Unsupported.Contains(name):
                    throw new TemplateException(action, $"{{{{{name}}}}} is not supported by Tidemark's template subset");
                default:
                    nodes.Add(new TemplateNode.Print(action, new PipelineParser(tokens, action).ParseWhole(allowDeclaration: true)));
                    break;
            }
        }

        return (nodes, null);
    }

    private TemplateNode.Control ParseControl(TemplateAction action, string word, IReadOnlyList<TemplateToken> tokens)
    {
        var kind = word switch { "if" => ControlKind.If, "with" => ControlKind.With, _ => ControlKind.Range };
        if (tokens.Count == 0)
        {
            throw new TemplateException(action, $"missing value for {word}");
        }

        var pipeline = new PipelineParser(tokens, action).ParseWhole(allowDeclaration: true);
        if (kind == ControlKind.Range ? pipeline.Variables.Count > 2 : pipeline.Variables.Count > 1)
        {
            throw new TemplateException(action, $"too many variables declared in {word}");
        }

        var (body, stop) = ParseList();
        if (stop is null)
        {
            throw new TemplateException(action, $"unexpected end of template: {{{{{word}}}}} has no {{{{end}}}}");
        }

        if (stop.Word == "end")
        {
            return stop.Rest.Count == 0 ? new TemplateNode.Control(action, kind, pipeline, body, []) : throw new TemplateException(stop.Action, "unexpected words after end");
        }

        if (stop.Rest.Count > 0)
        {
            // {{else if …}} / {{else with …}}: the nested structure ends at the same {{end}}
            var chained = stop.Rest[0].Kind == TokenKind.Identifier && stop.Rest[0].Text == word && kind != ControlKind.Range
                ? ParseControl(stop.Action, word, [.. stop.Rest.Skip(1)])
                : throw new TemplateException(stop.Action, $"unexpected words after else in {word}");
            return new TemplateNode.Control(action, kind, pipeline, body, [chained]);
        }

        var (elseBody, end) = ParseList();
        return end is { Word: "end", Rest.Count: 0 }
            ? new TemplateNode.Control(action, kind, pipeline, body, elseBody)
            : throw new TemplateException(end?.Action ?? action, $"{{{{{word}}}}} needs {{{{end}}}} after its {{{{else}}}}");
    }
}
