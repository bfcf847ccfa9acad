namespace Tidemark.Manifests.Yaml;

/// <summary>One key and value of a mapping.</summary>
internal sealed record YamlEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key's text when it is a scalar, else null.</summary>
    public string? KeyText => (Key as YamlScalar)?.Value;
}
