namespace Tidemark.Manifests.Yaml;

/// <summary>One document of a stream: its root (null when empty) and the comments not on a scalar's line.</summary>
internal sealed record YamlDocument(YamlNode? Root, IReadOnlyList<YamlComment> OtherComments);
