namespace Tidemark.Manifests.Yaml;

/// <summary>
/// A scalar, e.g. <c>"nginx:1.25.3"</c>: <see cref="Value"/> is the parsed text (<c>nginx:1.25.3</c>),
/// <see cref="Span"/> the raw text (quotes, anchor and tag included), <see cref="ValueSpan"/> the exact span
/// of <see cref="Value"/> when it is written verbatim (not for escapes, folded lines or block scalars).
/// </summary>
internal sealed record YamlScalar(
    string Value,
    YamlScalarStyle Style,
    TextSpan Span,
    int Line,
    TextSpan? ValueSpan,
    YamlComment? LineComment) : YamlNode(Span, Line)
{
    /// <summary>
    /// A target for the whole value, or null when the value is not written verbatim. An empty value is a target only
    /// between quotes (<c>digest: ""</c>, as charts ship it): a plain empty value has no place to write into.
    /// </summary>
    public EditTarget? Target(TargetPart part) => ValueSpan is { } span && (Value.Length > 0 || Style is YamlScalarStyle.DoubleQuoted or YamlScalarStyle.SingleQuoted)
        ? new EditTarget(span, part, Value, TargetStyle)
        : null;

    private TextStyle TargetStyle => Style switch
    {
        YamlScalarStyle.Plain => TextStyle.Plain,
        YamlScalarStyle.SingleQuoted => TextStyle.SingleQuoted,
        YamlScalarStyle.DoubleQuoted => TextStyle.DoubleQuoted,
        _ => TextStyle.Embedded,
    };
}
