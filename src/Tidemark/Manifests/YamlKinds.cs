using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests;

/// <summary>What the YAML kinds share: file patterns, reading a file or recording why it was skipped, walking nodes.</summary>
internal static class YamlKinds
{
    /// <summary>Why a Helm template is not read as YAML; the <c>helm-template</c> kind reads its literal lines.</summary>
    public const string TemplateSkipped = "a Helm template ({{ … }}): not read as YAML; lines with a template action are only known after rendering";

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
            findings.Skip(1, TemplateSkipped);
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

    /// <summary>Calls <paramref name="action"/> for every mapping under <paramref name="node"/>, itself first, in file order; aliases are not followed.</summary>
    public static void ForEachMapping(YamlNode? node, Action<YamlMapping> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (node is YamlMapping mapping)
        {
            action(mapping);
            for (var i = 0; i < mapping.Entries.Count; i++)
            {
                ForEachMapping(mapping.Entries[i].Key, action);
                ForEachMapping(mapping.Entries[i].Value, action);
            }
        }
        else if (node is YamlSequence sequence)
        {
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                ForEachMapping(sequence.Items[i], action);
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="action"/> for every scalar under <paramref name="root"/>, with its parent mapping and
    /// whether it is a key: the root scalar, then for each collection (itself first, in file order) its direct
    /// scalar children in file order.
    /// </summary>
    public static void ForEachScalar(YamlNode? root, Action<ScalarPosition> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (root is YamlScalar top)
        {
            action(new ScalarPosition(top, null, false));
        }
        VisitScalars(root, action);
    }

    private static void VisitScalars(YamlNode? node, Action<ScalarPosition> action)
    {
        if (node is YamlMapping mapping)
        {
            for (var i = 0; i < mapping.Entries.Count; i++)
            {
                if (mapping.Entries[i].Key is YamlScalar key)
                {
                    action(new ScalarPosition(key, mapping, true));
                }
                if (mapping.Entries[i].Value is YamlScalar value)
                {
                    action(new ScalarPosition(value, mapping, false));
                }
            }
            for (var i = 0; i < mapping.Entries.Count; i++)
            {
                VisitScalars(mapping.Entries[i].Key, action);
                VisitScalars(mapping.Entries[i].Value, action);
            }
        }
        else if (node is YamlSequence sequence)
        {
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                if (sequence.Items[i] is YamlScalar scalar)
                {
                    action(new ScalarPosition(scalar, null, false));
                }
            }
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                VisitScalars(sequence.Items[i], action);
            }
        }
    }

    /// <summary>
    /// The first of <paramref name="keys"/> whose value in <paramref name="mapping"/> is a template (<c>{{…}}</c>, of an
    /// ApplicationSet generator or helmfile): a scalar holding <c>{{</c>, or a collection where a scalar belongs (an
    /// unquoted <c>{{ .Values.v }}</c> reads as a flow mapping). Null when none is.
    /// </summary>
    public static string? TemplatedKey(YamlMapping mapping, params ReadOnlySpan<string> keys)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        foreach (var key in keys)
        {
            var node = mapping.Get(key);
            if (node is YamlMapping or YamlSequence || (node is YamlScalar scalar && scalar.Value.Contains("{{", StringComparison.Ordinal)))
            {
                return key;
            }
        }
        return null;
    }

    /// <summary>Whether the path lies under a <c>templates/</c> folder, as a Helm chart's templates do.</summary>
    public static bool IsUnderTemplates(string path) =>
        path.StartsWith("templates/", StringComparison.Ordinal) || path.Contains("/templates/", StringComparison.Ordinal);
}
