namespace Tidemark.Manifests;

/// <summary>One planned splice: the target's span gets <see cref="Value"/> (written as <see cref="Written"/>, quotes added when needed).</summary>
internal sealed record SpanEdit(EditTarget Target, string Value, string Written, ReferenceSite Site)
{
    /// <summary>
    /// The splice of what lies between the target's <see cref="EditTarget.Prefix"/> and <see cref="EditTarget.Suffix"/>
    /// (the new tag <c>1.27-alpine</c> writes <c>1.27</c> into an ARG used as <c>${GO}-alpine</c>), itself when there are
    /// none, or null when the new value does not keep them (or the text is not written as is, where the value's quoting
    /// was decided for the whole value).
    /// </summary>
    public SpanEdit? Fitted()
    {
        var (prefix, suffix) = (Target.Prefix, Target.Suffix);
        if (prefix.Length == 0 && suffix.Length == 0)
        {
            return this;
        }
        if (Target.Style != TextStyle.Embedded || Value.Length <= prefix.Length + suffix.Length
            || !Value.StartsWith(prefix, StringComparison.Ordinal) || !Value.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }
        var inner = Value[prefix.Length..^suffix.Length];
        return this with { Value = inner, Written = inner };
    }
}
