namespace Tidemark.Templating;

/// <summary>
/// <c>$k, $v := .a | f "x"</c>: optional variables (<see cref="Declares"/> for <c>:=</c>, else <c>=</c>), then commands
/// whose value is passed on as the last argument of the next.
/// </summary>
internal sealed record TemplatePipeline(IReadOnlyList<string> Variables, bool Declares, IReadOnlyList<TemplateCommand> Commands);
