namespace Tidemark.Templating;

/// <summary>
/// A Go map as a template sees it, entries in the order <c>range</c> visits them (Go sorts string keys; Tidemark also
/// fixes an order for struct keys, which Go leaves random). <see cref="Zero"/> is the element type's zero value, which
/// <c>index</c> returns for a missing key. Example: <c>map[string]string{"env": "prod"}</c>, zero <c>""</c>.
/// </summary>
internal sealed record TemplateMap(string TypeName, IReadOnlyList<KeyValuePair<object, object?>> Entries, object? Zero)
{
    public static TemplateMap OfStrings(IReadOnlyDictionary<string, string> values) => new(
        "map[string]string",
        [.. values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new KeyValuePair<object, object?>(v.Key, v.Value))],
        "");

    public bool TryGet(object key, out object? value)
    {
        foreach (var entry in Entries)
        {
            if (Equals(entry.Key, key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}
