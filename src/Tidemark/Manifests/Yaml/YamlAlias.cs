namespace Tidemark.Manifests.Yaml;

/// <summary>An alias (<c>*name</c>): never followed, since editing it would edit the anchored node instead.</summary>
internal sealed record YamlAlias(string Anchor, TextSpan Span, int Line) : YamlNode(Span, Line);
