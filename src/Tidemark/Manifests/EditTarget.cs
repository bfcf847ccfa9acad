namespace Tidemark.Manifests;

/// <summary>
/// One span of a file that holds (part of) a reference, e.g. the <c>1.25.3</c> of <c>tag: 1.25.3</c>:
/// the span excludes quotes, so an edit replaces exactly <see cref="CurrentText"/>.
/// </summary>
internal sealed record EditTarget(TextSpan Span, TargetPart Part, string CurrentText, TextStyle Style)
{
    /// <summary>
    /// Fixed text the part holds before this target, written elsewhere: for <c>FROM golang:v${GO}-alpine</c>
    /// with <c>ARG GO=1.26</c> the tag is <c>v1.26-alpine</c>, the target <c>1.26</c>, the prefix <c>v</c>.
    /// </summary>
    public string Prefix { get; init; } = "";

    /// <summary>Fixed text the part holds after this target, e.g. <c>-alpine</c> in the example of <see cref="Prefix"/>.</summary>
    public string Suffix { get; init; } = "";
}
