namespace Tidemark.Manifests.Yaml;

/// <summary>How a scalar is written in the file.</summary>
internal enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Block,
}
