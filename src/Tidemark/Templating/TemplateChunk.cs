namespace Tidemark.Templating;

/// <summary>A piece of a template: literal text (<see cref="Action"/> null) or the inside of one action, trim markers removed.</summary>
internal sealed record TemplateChunk(string Text, TemplateAction? Action);
