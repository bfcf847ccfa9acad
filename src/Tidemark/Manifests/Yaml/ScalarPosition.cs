namespace Tidemark.Manifests.Yaml;

/// <summary>A scalar with where it sits: the mapping it belongs to (as key or value), or none.</summary>
internal readonly record struct ScalarPosition(YamlScalar Scalar, YamlMapping? Parent, bool IsKey);
