namespace Tidemark.Manifests.Yaml;

/// <summary>A scalar with where it sits: the mapping it belongs to (as key or value), or none.</summary>
internal sealed record ScalarPosition(YamlScalar Scalar, YamlMapping? Parent, bool IsKey);
