namespace Tidemark.Templating;

/// <summary>Go template truth: false, 0, nil, a missing value and empty strings, slices and maps are false; everything else is true.</summary>
internal static class TemplateTruth
{
    public static bool IsTrue(object? value) => value switch
    {
        null or NoValue => false,
        bool flag => flag,
        string text => text.Length > 0,
        long number => number != 0,
        double real => real != 0,
        TemplateList list => list.Items.Count > 0,
        TemplateMap map => map.Entries.Count > 0,
        _ => true,
    };
}
