namespace Tidemark.Manifests.Yaml;

/// <summary>A located YAML node: only what the finders need (structure, scalar text and exact spans).</summary>
internal abstract record YamlNode(TextSpan Span, int Line);
