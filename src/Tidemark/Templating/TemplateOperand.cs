namespace Tidemark.Templating;

/// <summary>An argument or command word: dot, a field chain, a variable, a literal, a function name or a parenthesised pipeline.</summary>
internal abstract record TemplateOperand
{
    /// <summary><c>.</c></summary>
    public sealed record Dot : TemplateOperand;

    /// <summary><c>.a.b</c>: fields of dot.</summary>
    public sealed record Field(IReadOnlyList<string> Names) : TemplateOperand;

    /// <summary><c>$x.a</c>: a variable and fields of it (<c>$</c> is the data the template started with).</summary>
    public sealed record Variable(string Name, IReadOnlyList<string> Names) : TemplateOperand;

    /// <summary>A string, number, bool or <c>nil</c>.</summary>
    public sealed record Literal(object? Value) : TemplateOperand;

    /// <summary>A function name, e.g. <c>println</c>.</summary>
    public sealed record Function(string Name) : TemplateOperand;

    /// <summary><c>(pipeline).a</c></summary>
    public sealed record Nested(TemplatePipeline Pipeline, IReadOnlyList<string> Names) : TemplateOperand;
}
