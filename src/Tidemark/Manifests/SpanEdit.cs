namespace Tidemark.Manifests;

/// <summary>One planned splice: the target's span gets <see cref="Value"/> (written as <see cref="Written"/>, quotes added when needed).</summary>
internal sealed record SpanEdit(EditTarget Target, string Value, string Written, ReferenceSite Site);
