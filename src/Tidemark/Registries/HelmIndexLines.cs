using System.Text;

namespace Tidemark.Registries;

/// <summary>
/// The fast path of <see cref="HelmIndexParser"/>: the layout <c>helm repo index</c> writes (block style, two-space
/// indentation, <c>entries:</c> → <c>  CHART:</c> → <c>  - field: …</c> / <c>    version: X</c>), scanned as UTF-8 lines
/// without building YAML events. Any line outside that layout (flow style, anchors, tabs, quoted keys, escapes, a
/// version on its own line…) gives null, and the caller parses the same bytes with the YAML event parser instead, so
/// an unusual index costs time, never correctness. Lines deeper than a chart version's fields (block scalars,
/// dependencies, maintainers) are never read.
/// </summary>
internal static class HelmIndexLines
{
    public static Dictionary<string, IReadOnlyList<string>>? TryParse(ReadOnlySpan<byte> text)
    {
        var charts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        List<string>? versions = null;
        var inEntries = false;
        if (text.StartsWith("\xEF\xBB\xBF"u8))
        {
            text = text[3..];
        }
        while (text.Length > 0)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }
            if (indent == line.Length)
            {
                continue;
            }
            var rest = line[indent..];
            if (rest[0] == '\t')
            {
                return null;
            }
            if (indent > 4)
            {
                continue; // inside a field's value: never read
            }
            if (rest[0] == '#')
            {
                continue;
            }
            switch (indent)
            {
                case 0:
                    if (!IsPlainKey(rest) || (rest.StartsWith("entries:"u8) && !rest.SequenceEqual("entries:"u8)))
                    {
                        return null;
                    }
                    inEntries = rest.SequenceEqual("entries:"u8);
                    versions = null;
                    break;
                case 2 when !inEntries:
                case 4 when !inEntries:
                    break;
                case 2 when rest[0] == '-':
                    if (versions is null || rest.Length < 3 || rest[1] != ' ' || !Field(rest[2..], versions))
                    {
                        return null;
                    }
                    break;
                case 2 when rest.EndsWith(": []"u8) && IsPlainKey(rest):
                    charts[Encoding.UTF8.GetString(rest[..^4])] = [];
                    versions = null;
                    break;
                case 2:
                    if (!IsPlainKey(rest) || rest[^1] != ':')
                    {
                        return null;
                    }
                    versions = [];
                    charts[Encoding.UTF8.GetString(rest[..^1])] = versions;
                    break;
                case 4 when rest[0] == '-':
                    break; // an item of a list field (urls, keywords, maintainers, dependencies)
                case 4:
                    if (versions is null || !Field(rest, versions))
                    {
                        return null;
                    }
                    break;
                default:
                    return null;
            }
        }
        return charts;
    }

    /// <summary>One <c>key: value</c> of a chart version; a <c>version</c> is kept. False for anything outside the layout.</summary>
    private static bool Field(ReadOnlySpan<byte> field, List<string> versions)
    {
        if (!IsPlainKey(field))
        {
            return false;
        }
        if (!field.StartsWith("version:"u8))
        {
            return true;
        }
        var value = field["version:".Length..];
        var comment = value.IndexOf(" #"u8);
        value = (comment < 0 ? value : value[..comment]).Trim((byte)' ');
        if (value.Length == 0)
        {
            return false;
        }
        if (value[0] is (byte)'"' or (byte)'\'')
        {
            if (value.Length < 2 || value[^1] != value[0] || value[1..^1].IndexOfAny((byte)'"', (byte)'\'', (byte)'\\') >= 0)
            {
                return false;
            }
            value = value[1..^1];
        }
        else if (!char.IsAsciiLetterOrDigit((char)value[0]))
        {
            return false;
        }
        versions.Add(Encoding.UTF8.GetString(value));
        return true;
    }

    /// <summary>
    /// A line that is <c>key:</c> or <c>key: value</c> with a plain key (<c>[A-Za-z0-9._/-]</c>, starting with a letter or
    /// digit) and a value that is neither an anchor, an alias, a tag nor a flow collection spread over lines.
    /// </summary>
    private static bool IsPlainKey(ReadOnlySpan<byte> text)
    {
        var colon = text.IndexOf((byte)':');
        if (colon <= 0 || !char.IsAsciiLetterOrDigit((char)text[0]))
        {
            return false;
        }
        foreach (var b in text[..colon])
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'_' or (byte)'-' or (byte)'/'))
            {
                return false;
            }
        }
        var value = text[(colon + 1)..];
        if (value.Length == 0)
        {
            return true;
        }
        if (value[0] != ' ')
        {
            return false;
        }
        value = value.Trim((byte)' ');
        return value.Length == 0 || value[0] switch
        {
            (byte)'{' => value[^1] == '}',
            (byte)'[' => value[^1] == ']',
            (byte)'&' or (byte)'*' or (byte)'!' => false,
            _ => true,
        };
    }
}
