namespace Tidemark.Manifests.Yaml;

/// <summary>A mapping in file order; keys that are not scalars are kept as nodes.</summary>
internal sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, TextSpan Span, int Line) : YamlNode(Span, Line)
{
    /// <summary>The value of the first entry whose key is the scalar <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key is YamlScalar scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }
        return null;
    }

    /// <summary>The scalar value of <paramref name="key"/>, or null when absent or not a scalar.</summary>
    public YamlScalar? Scalar(string key) => Get(key) as YamlScalar;

    /// <summary>The scalar text of <paramref name="key"/>, or null.</summary>
    public string? Text(string key) => Scalar(key)?.Value;
}
