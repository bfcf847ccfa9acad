using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Tidemark.GitHubSimulator;

/// <summary>
/// Typed, permissive reads of one YAML mapping: a wrong shape records an error at the value's file:line:column,
/// <see cref="ReportUnknown"/> warns about keys nobody asked for.
/// </summary>
internal sealed class YamlFields(YamlMappingNode node, string path, ConfigProblems problems)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public YamlMappingNode Node => node;

    public string Place => problems.Place(node);

    public YamlNode? Get(string key)
    {
        seen.Add(key);
        foreach (var (name, value) in node.Children)
        {
            if (name is YamlScalarNode { Value: { } text } && text == key)
            {
                return IsNull(value) ? null : value;
            }
        }

        return null;
    }

    public string? Text(string key)
    {
        var value = Get(key);
        if (value is null or YamlScalarNode)
        {
            return (value as YamlScalarNode)?.Value;
        }

        problems.Error(value, $"{Name(key)}: expected a text value");
        return null;
    }

    public string RequiredText(string key)
    {
        var text = Text(key);
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Error(Get(key) ?? node, $"{Name(key)} is required");
            return "";
        }

        return text;
    }

    public bool Bool(string key, bool fallback)
    {
        switch (Text(key)?.ToLowerInvariant())
        {
            case null:
                return fallback;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                problems.Error(Get(key)!, $"{Name(key)}: expected true or false");
                return fallback;
        }
    }

    public int? Int(string key, int min, int max)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Error(Get(key)!, $"{Name(key)}: expected a whole number from {min} to {max}, not '{text}'");
        return null;
    }

    /// <summary>A sequence of text values; null when the key is absent.</summary>
    public IReadOnlyList<string>? List(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            return null;
        }

        if (value is not YamlSequenceNode sequence)
        {
            problems.Error(value, $"{Name(key)}: expected a list, e.g. [a, b]");
            return [];
        }

        var items = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                items.Add(text);
            }
            else
            {
                problems.Error(item, $"{Name(key)}: expected a text item");
            }
        }

        return items;
    }

    /// <summary>A mapping of text to text, e.g. <c>{contents: write}</c>; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Map(string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Entries(key))
        {
            if (value is YamlScalarNode { Value: { Length: > 0 } text })
            {
                map[name] = text;
            }
            else
            {
                problems.Error(value, $"{Name(key)}.{name}: expected a text value");
            }
        }

        return map;
    }

    /// <summary>The entries of a mapping value (name → node); empty when absent.</summary>
    public IReadOnlyList<(string Name, YamlNode Value)> Entries(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            return [];
        }

        if (value is not YamlMappingNode mapping)
        {
            problems.Error(value, $"{Name(key)}: expected a mapping, e.g. {{name: value}}");
            return [];
        }

        return [.. mapping.Children.Select(entry => ((entry.Key as YamlScalarNode)?.Value ?? "", entry.Value))];
    }

    /// <summary>The items of a list of mappings, each readable by field; wrong items are errors.</summary>
    public IReadOnlyList<YamlFields> Items(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            problems.Error(value, $"{Name(key)}: expected a list");
            return [];
        }

        var items = new List<YamlFields>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode mapping)
            {
                items.Add(new YamlFields(mapping, $"{Name(key)}[{i}]", problems));
            }
            else
            {
                problems.Error(sequence.Children[i], $"{Name(key)}[{i}]: expected a mapping");
            }
        }

        return items;
    }

    public YamlFields Nested(YamlMappingNode mapping, string name) => new(mapping, Name(name), problems);

    public void Error(string key, string message) => problems.Error(Get(key) ?? node, $"{Name(key)}: {message}");

    public void ReportUnknown()
    {
        foreach (var (name, _) in node.Children)
        {
            if (name is YamlScalarNode { Value: { } text } && !seen.Contains(text))
            {
                problems.Warn(name, $"unknown key '{Name(text)}' ignored");
            }
        }
    }

    private string Name(string key) => path.Length == 0 ? key : path + "." + key;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } scalar
        && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");
}
