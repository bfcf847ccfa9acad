namespace Tidemark.Manifests.Yaml;

/// <summary>A sequence in file order.</summary>
internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, TextSpan Span, int Line) : YamlNode(Span, Line);
