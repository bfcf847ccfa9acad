namespace Tidemark.Templating;

/// <summary>Parses the words of one action into a pipeline: <c>[$a[, $b] :=|=] command { | command }</c>, commands made of operands.</summary>
internal sealed class PipelineParser(IReadOnlyList<TemplateToken> tokens, TemplateAction action)
{
    private int position;

    public TemplatePipeline ParseWhole(bool allowDeclaration)
    {
        var pipeline = ParsePipeline(allowDeclaration);
        return position == tokens.Count ? pipeline : throw Error($"unexpected \"{tokens[position].Text}\"");
    }

    private TemplatePipeline ParsePipeline(bool allowDeclaration)
    {
        var (variables, declares) = allowDeclaration ? Declaration() : ([], false);
        var commands = new List<TemplateCommand>();
        while (true)
        {
            commands.Add(Command());
            if (Peek(TokenKind.Pipe))
            {
                position++;
                continue;
            }

            return new TemplatePipeline(variables, declares, commands);
        }
    }

    private (List<string>, bool) Declaration()
    {
        var names = new List<string>();
        var at = position;
        while (at < tokens.Count && tokens[at].Kind == TokenKind.Variable)
        {
            names.Add(tokens[at].Text);
            at++;
            if (at < tokens.Count && tokens[at].Kind is TokenKind.Declare or TokenKind.Assign)
            {
                position = at + 1;
                return (names, tokens[at].Kind == TokenKind.Declare);
            }

            if (at >= tokens.Count || tokens[at].Kind != TokenKind.Comma)
            {
                break;
            }

            at++;
        }

        return ([], false);
    }

    private TemplateCommand Command()
    {
        var operands = new List<TemplateOperand>();
        while (position < tokens.Count && !Peek(TokenKind.Pipe) && !Peek(TokenKind.RightParen))
        {
            operands.Add(Operand());
        }

        return operands.Count > 0 ? new TemplateCommand(operands) : throw Error("missing value for command");
    }

    private TemplateOperand Operand()
    {
        var token = tokens[position++];
        return token.Kind switch
        {
            TokenKind.Field => new TemplateOperand.Field([token.Text, .. Chain()]),
            TokenKind.Dot => new TemplateOperand.Dot(),
            TokenKind.Variable => new TemplateOperand.Variable(token.Text, Chain()),
            TokenKind.String or TokenKind.Number or TokenKind.Bool => new TemplateOperand.Literal(token.Value),
            TokenKind.Nil => new TemplateOperand.Literal(null),
            TokenKind.Identifier => new TemplateOperand.Function(TemplateFunctions.Known(token.Text) ?? throw Error(TemplateFunctions.Unknown(token.Text))),
            TokenKind.LeftParen => Nested(),
            _ => throw Error($"unexpected \"{token.Text}\" in operand"),
        };
    }

    private TemplateOperand.Nested Nested()
    {
        var pipeline = ParsePipeline(allowDeclaration: false);
        if (!Peek(TokenKind.RightParen))
        {
            throw Error("unclosed left parenthesis");
        }

        position++;
        return new TemplateOperand.Nested(pipeline, Chain());
    }

    /// <summary>Fields written right after an operand, without a space: <c>$x.a.b</c>, <c>(…).a</c>.</summary>
    private List<string> Chain()
    {
        var names = new List<string>();
        while (position < tokens.Count && tokens[position] is { Kind: TokenKind.Field, SpaceBefore: false } field)
        {
            names.Add(field.Text);
            position++;
        }

        return names;
    }

    private bool Peek(TokenKind kind) => position < tokens.Count && tokens[position].Kind == kind;

    private TemplateException Error(string problem) => new(action, problem);
}
