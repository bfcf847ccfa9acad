namespace Tidemark.Templating;

/// <summary>A Go slice as a template sees it, e.g. <c>[]Change</c> with its items; printed as <c>[a b c]</c>.</summary>
internal sealed record TemplateList(string TypeName, IReadOnlyList<object?> Items);
