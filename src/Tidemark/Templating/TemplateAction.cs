namespace Tidemark.Templating;

/// <summary>One <c>{{ … }}</c> action as written, with its 1-based line and column in the template, e.g. (3, 1, "{{ range .Changed.Changes -}}").</summary>
internal sealed record TemplateAction(int Line, int Column, string Text);
