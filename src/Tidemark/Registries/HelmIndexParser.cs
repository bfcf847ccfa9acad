using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tidemark.Registries;

/// <summary>
/// Reads a Helm repository's <c>index.yaml</c> as a stream of YAML events, keeping only each chart's version
/// strings (<c>entries.podinfo[].version</c>): a 30 MB index is never held as a tree, only its versions are.
/// Every other field (digests, URLs, maintainers…) is skipped as it is read.
/// </summary>
internal static class HelmIndexParser
{
    /// <summary>
    /// The versions of every chart in a UTF-8 index: the line scanner for the layout <c>helm repo index</c> writes
    /// (<see cref="HelmIndexLines"/>), else the YAML event parser over the same bytes.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (HelmIndexLines.TryParse(utf8) is { } fast)
        {
            return fast;
        }
        using var reader = new StreamReader(new MemoryStream(utf8, writable: false));
        return Parse(reader);
    }

    /// <summary>The versions of every chart in the index, in file order; throws <see cref="YamlException"/> for bad YAML.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(TextReader reader)
    {
        var charts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
        {
            return charts;
        }
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (Key(parser) != "entries" || !parser.TryConsume<MappingStart>(out _))
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var chart = Key(parser);
                var versions = Versions(parser);
                if (chart is not null)
                {
                    charts[chart] = versions;
                }
            }
        }
        return charts;
    }

    private static List<string> Versions(IParser parser)
    {
        var versions = new List<string>();
        if (!parser.TryConsume<SequenceStart>(out _))
        {
            parser.SkipThisAndNestedEvents();
            return versions;
        }
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (!parser.TryConsume<MappingStart>(out _))
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (Key(parser) == "version" && parser.TryConsume<Scalar>(out var version) && version.Value.Length > 0)
                {
                    versions.Add(version.Value);
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }
        }
        return versions;
    }

    /// <summary>A scalar key's text (consumed), or null after skipping a complex key.</summary>
    private static string? Key(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var key))
        {
            return key.Value;
        }
        parser.SkipThisAndNestedEvents();
        return null;
    }
}
