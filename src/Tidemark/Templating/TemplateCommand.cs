namespace Tidemark.Templating;

/// <summary>One command of a pipeline: a function with its arguments, or a single operand.</summary>
internal sealed record TemplateCommand(IReadOnlyList<TemplateOperand> Arguments);
