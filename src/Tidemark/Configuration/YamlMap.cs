using YamlDotNet.RepresentationModel;

namespace Tidemark.Configuration;

/// <summary>
/// Reads one YAML mapping permissively: typed getters record an error with file:line:column when a value has
/// the wrong shape, and <see cref="ReportUnknown"/> warns about keys nobody asked for.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode node;
    private readonly string file;
    private readonly string path;
    private readonly List<ConfigDiagnostic> diagnostics;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string file, string path, List<ConfigDiagnostic> diagnostics)
    {
        this.node = node;
        this.file = file;
        this.path = path;
        this.diagnostics = diagnostics;
    }

    public YamlNode Node => node;

    /// <summary>How many errors the file's diagnostics hold so far (to tell whether reading a part added one).</summary>
    public int ErrorCount => diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public YamlNode? Get(string key)
    {
        seen.Add(key);
        foreach (var entry in node.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && name == key)
            {
                return entry.Value;
            }
        }
        return null;
    }

    /// <summary>The key node itself (to point at the key, not its value), marking the key as read; null when absent.</summary>
    public YamlNode? KeyNode(string key)
    {
        seen.Add(key);
        return node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } name } && name == key);
    }

    /// <summary>The mapping's keys, in file order.</summary>
    public IEnumerable<string> Keys() =>
        node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>();

    public string? String(string key, string? fix = null)
    {
        var value = Get(key);
        switch (value)
        {
            case null:
                return null;
            case YamlScalarNode scalar when scalar.Value is not null && !IsNull(scalar):
                return scalar.Value;
            case YamlScalarNode:
                return null;
            default:
                Error(value, key, "expected a text value", fix);
                return null;
        }
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(Get(key)!, key, $"expected true or false, not \"{text}\"");
                return null;
        }
    }

    public int? Int(string key, int min, int max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        Error(Get(key)!, key, $"expected a whole number from {min} to {max}, not \"{text}\"");
        return null;
    }

    public YamlMap? Map(string key)
    {
        var value = Get(key);
        if (value is null or YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return null;
        }
        if (value is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, file, Join(key), diagnostics);
        }
        Error(value, key, "expected a mapping (key: value lines)");
        return null;
    }

    /// <summary>A list of scalars; a single scalar is accepted as a list of one.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        var value = Get(key);
        switch (value)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return IsNull(scalar) ? [] : [scalar.Value!];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } text })
                    {
                        items.Add(text);
                    }
                    else
                    {
                        Error(item, key, "expected a list of text values");
                    }
                }
                return items;
            default:
                Error(value, key, "expected a list of text values");
                return [];
        }
    }

    public IReadOnlyList<YamlMap> Maps(string key)
    {
        var value = Get(key);
        if (value is null or YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return [];
        }
        if (value is not YamlSequenceNode sequence)
        {
            Error(value, key, "expected a list of mappings (lines starting with '- ')");
            return [];
        }
        var maps = new List<YamlMap>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode item)
            {
                maps.Add(new YamlMap(item, file, $"{Join(key)}[{i}]", diagnostics));
            }
            else
            {
                Error(sequence.Children[i], $"{key}[{i}]", "expected a mapping");
            }
        }
        return maps;
    }

    public void ReportUnknown(string message = "unknown field, ignored", string fix = "check the spelling against docs/configuration.md")
    {
        foreach (var entry in node.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && !seen.Contains(name))
            {
                Add(DiagnosticSeverity.Warning, entry.Key, name, message, fix);
            }
        }
    }

    /// <summary>Marks keys as read without reading them: fields that are known and deliberately not used.</summary>
    public void Known(params string[] keys)
    {
        foreach (var key in keys)
        {
            seen.Add(key);
        }
    }

    public void Error(YamlNode at, string key, string message, string? fix = null) =>
        Add(DiagnosticSeverity.Error, at, key, message, fix);

    public void Warning(YamlNode at, string key, string message, string? fix = null) =>
        Add(DiagnosticSeverity.Warning, at, key, message, fix);

    public string Field(string key) => Join(key);

    private void Add(DiagnosticSeverity severity, YamlNode at, string key, string message, string? fix) =>
        diagnostics.Add(new ConfigDiagnostic(severity, file, (int)at.Start.Line, (int)at.Start.Column, Join(key), message, fix));

    private string Join(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value: YAML's null, which a key may hold to mean "none".</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
}
