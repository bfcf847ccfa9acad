namespace Tidemark.Templating;

/// <summary>A parsed template piece: text, an action that prints, or a control structure with its lists.</summary>
internal abstract record TemplateNode
{
    /// <summary>Literal text, written as it is.</summary>
    public sealed record Text(string Value) : TemplateNode;

    /// <summary><c>{{ pipeline }}</c>: prints the value, unless the pipeline declares or assigns a variable.</summary>
    public sealed record Print(TemplateAction Action, TemplatePipeline Pipeline) : TemplateNode;

    /// <summary><c>{{if}}</c>, <c>{{with}}</c> (dot becomes the value) and <c>{{range}}</c> (dot becomes each element), each with an optional <c>{{else}}</c>.</summary>
    public sealed record Control(TemplateAction Action, ControlKind Kind, TemplatePipeline Pipeline, IReadOnlyList<TemplateNode> Body, IReadOnlyList<TemplateNode> Else) : TemplateNode;
}
