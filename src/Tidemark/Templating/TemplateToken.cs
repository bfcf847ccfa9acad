namespace Tidemark.Templating;

/// <summary>A word inside an action; <see cref="SpaceBefore"/> tells <c>$x.Field</c> (one operand) from <c>$x .Field</c> (two).</summary>
internal sealed record TemplateToken(TokenKind Kind, string Text, bool SpaceBefore)
{
    /// <summary>The value of a string, number or bool literal.</summary>
    public object? Value { get; init; }
}
