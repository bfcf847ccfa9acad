namespace Tidemark.Templating;

/// <summary>
/// A template that cannot be parsed or executed, at an action: e.g. line 3, column 1, <c>{{ .Updated.Foo }}</c>,
/// "can't evaluate field Foo in type Result". The caller adds where the template came from.
/// </summary>
internal sealed class TemplateException(TemplateAction action, string problem) : Exception($"line {action.Line}, column {action.Column}, at {action.Text}: {problem}")
{
    public TemplateAction Action { get; } = action;

    public string Problem { get; } = problem;
}
