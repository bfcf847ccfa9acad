namespace Tidemark.Manifests.Yaml;

/// <summary>A comment as written, e.g. <c># {"$imagepolicy": "flux-system:app"}</c> (the <c>#</c> included).</summary>
internal sealed record YamlComment(string Text, TextSpan Span, int Line, bool IsInline);
