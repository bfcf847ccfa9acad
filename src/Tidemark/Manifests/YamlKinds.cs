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
    public static IEnumerable<YamlNode> Descendants(YamlNode? node)
    {
        if (node is null)
        {
            yield break;
        }
        var stack = new Stack<YamlNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in Children(current).Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Every scalar under <paramref name="root"/> in file order, with its parent mapping and whether it is a key.</summary>
    public static IEnumerable<ScalarPosition> Scalars(YamlNode? root)
    {
        if (root is YamlScalar top)
        {
            yield return new ScalarPosition(top, null, false);
        }
        foreach (var node in Descendants(root))
        {
            var found = node switch
            {
                YamlMapping mapping => mapping.Entries.SelectMany(e => new[]
                {
                    e.Key is YamlScalar k ? new ScalarPosition(k, mapping, true) : null,
                    e.Value is YamlScalar v ? new ScalarPosition(v, mapping, false) : null,
                }),
                YamlSequence sequence => sequence.Items.OfType<YamlScalar>().Select(s => new ScalarPosition(s, null, false)),
                _ => [],
            };
            foreach (var position in found.OfType<ScalarPosition>())
            {
                yield return position;
            }
        }
    }

    private static IEnumerable<YamlNode> Children(YamlNode node) => node switch
    {
        YamlMapping mapping => mapping.Entries.SelectMany(e => new[] { e.Key, e.Value }),
        YamlSequence sequence => sequence.Items,
        _ => [],
    };

    private static bool IsUnderTemplates(string path) =>
        path.StartsWith("templates/", StringComparison.Ordinal) || path.Contains("/templates/", StringComparison.Ordinal);
}
