namespace Tidemark.Manifests.Yaml;

/// <summary>
/// A located YAML stream, or why it could not be read (e.g. <c>not valid YAML: … (line 4)</c>).
/// <see cref="Lines"/> turns offsets into 1-based lines and columns.
/// </summary>
internal sealed record YamlFile(IReadOnlyList<YamlDocument> Documents, string? Error, int ErrorLine, LineMap Lines)
{
    public bool IsValid => Error is null;
}
