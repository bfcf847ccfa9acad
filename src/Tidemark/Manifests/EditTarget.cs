namespace Tidemark.Manifests;

/// <summary>
/// One span of a file that holds (part of) a reference, e.g. the <c>1.25.3</c> of <c>tag: 1.25.3</c>:
/// the span excludes quotes, so an edit replaces exactly <see cref="CurrentText"/>.
/// </summary>
internal sealed record EditTarget(TextSpan Span, TargetPart Part, string CurrentText, TextStyle Style);
