namespace Tidemark.Templating;

/// <summary>
/// A Go struct (or a value with methods) as a template sees it: named fields in declaration order. <see cref="Display"/>
/// is what its <c>String()</c> method prints, when it has one (e.g. a NamespacedName prints <c>flux-system/podinfo</c>).
/// </summary>
internal sealed record TemplateStruct(string TypeName, IReadOnlyList<KeyValuePair<string, object?>> Fields, string? Display = null)
{
    public bool TryGet(string name, out object? value)
    {
        foreach (var field in Fields)
        {
            if (field.Key == name)
            {
                value = field.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}
