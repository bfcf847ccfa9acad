using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests;

/// <summary>What the YAML kinds share: file patterns, reading a file or recording why it was skipped, walking nodes.</summary>
internal static class YamlKinds
{
    /// <summary>Whether the path names a YAML file (<c>.yaml</c>, <c>.yml</c>) or a bare <c>Kustomization</c>.</summary>
    public static bool IsYaml(string path)
    {
        var name = FileName(path);
        return name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || name == "Kustomization";
    }

    /// <summary>The last segment of a repository-relative path, e.g. <c>values-prod.yaml</c>.</summary>
    public static string FileName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
    }

    /// <summary>The located file, or null after recording why it is skipped (a Helm template, invalid YAML).</summary>
    public static YamlFile? Read(string content, Findings findings)
    {
        var template = content.Contains("{{", StringComparison.Ordinal);
        if (template && IsUnderTemplates(findings.Path))
        {
            findings.Skip(1, "a Helm template ({{ … }}): only known after rendering, not read");
            return null;
        }
        var file = YamlReader.Read(content);
        if (!file.IsValid)
        {
            findings.Skip(file.ErrorLine, template ? "a Helm template ({{ … }}) that is not valid YAML, not read" : file.Error!);
            return null;
        }
        return file;
    }

    /// <summary>Every node under <paramref name="node"/>, itself first, in file order; aliases are not followed.</summary>
    public static IReadOnlyList<YamlNode> Descendants(YamlNode? node)
    {
        var all = new List<YamlNode>();
        AddDescendants(node, all);
        return all;
    }

    /// <summary>
    /// Every scalar under <paramref name="root"/>, with its parent mapping and whether it is a key: for each
    /// collection in <see cref="Descendants"/> order, its direct scalar children in file order.
    /// </summary>
    public static IReadOnlyList<ScalarPosition> Scalars(YamlNode? root)
    {
        var found = new List<ScalarPosition>();
        if (root is YamlScalar top)
        {
            found.Add(new ScalarPosition(top, null, false));
        }
        AddScalars(root, found);
        return found;
    }

    /// <summary>The direct scalar children of <paramref name="node"/>, then those of each child collection: <see cref="Descendants"/> order.</summary>
    private static void AddScalars(YamlNode? node, List<ScalarPosition> found)
    {
        AddChildScalars(node, found);
        if (node is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                AddScalars(entry.Key as YamlMapping ?? (YamlNode?)(entry.Key as YamlSequence), found);
                AddScalars(entry.Value as YamlMapping ?? (YamlNode?)(entry.Value as YamlSequence), found);
            }
        }
        else if (node is YamlSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                AddScalars(item as YamlMapping ?? (YamlNode?)(item as YamlSequence), found);
            }
        }
    }

    private static void AddChildScalars(YamlNode? node, List<ScalarPosition> found)
    {
        if (node is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key is YamlScalar key)
                {
                    found.Add(new ScalarPosition(key, mapping, true));
                }
                if (entry.Value is YamlScalar value)
                {
                    found.Add(new ScalarPosition(value, mapping, false));
                }
            }
        }
        else if (node is YamlSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (item is YamlScalar scalar)
                {
                    found.Add(new ScalarPosition(scalar, null, false));
                }
            }
        }
    }

    private static void AddDescendants(YamlNode? node, List<YamlNode> all)
    {
        if (node is null)
        {
            return;
        }
        all.Add(node);
        if (node is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                AddDescendants(entry.Key, all);
                AddDescendants(entry.Value, all);
            }
        }
        else if (node is YamlSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                AddDescendants(item, all);
            }
        }
    }

    private static bool IsUnderTemplates(string path) =>
        path.StartsWith("templates/", StringComparison.Ordinal) || path.Contains("/templates/", StringComparison.Ordinal);
}
