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
            var anchored = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var chart = Key(parser);
                var versions = Versions(parser, anchored);
                if (chart is not null)
                {
                    charts[chart] = versions;
                }
            }
        }
        return charts;
    }

    /// <summary>
    /// One chart's version list. YAML anchors and aliases are followed (<c>- *x</c> repeats the entry anchored
    /// <c>&amp;x</c>, <c>b: *list</c> the whole list): <paramref name="anchored"/> holds the versions each anchor named.
    /// </summary>
    private static List<string> Versions(IParser parser, Dictionary<string, List<string>> anchored)
    {
        var versions = new List<string>();
        if (parser.TryConsume<AnchorAlias>(out var listAlias))
        {
            return [.. Anchored(anchored, listAlias)];
        }
        if (!parser.TryConsume<SequenceStart>(out var list))
        {
            parser.SkipThisAndNestedEvents();
            return versions;
        }
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (parser.TryConsume<AnchorAlias>(out var entryAlias))
            {
                versions.AddRange(Anchored(anchored, entryAlias));
                continue;
            }
            if (!parser.TryConsume<MappingStart>(out var entry))
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }
            var entryVersions = new List<string>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (Key(parser) != "version")
                {
                    parser.SkipThisAndNestedEvents();
                }
                else if (parser.TryConsume<AnchorAlias>(out var versionAlias))
                {
                    entryVersions.AddRange(Anchored(anchored, versionAlias));
                }
                else if (parser.TryConsume<Scalar>(out var version))
                {
                    if (version.Value.Length > 0)
                    {
                        entryVersions.Add(version.Value);
                    }
                    Remember(anchored, version.Anchor, [version.Value]);
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }
            Remember(anchored, entry.Anchor, entryVersions);
            versions.AddRange(entryVersions);
        }
        Remember(anchored, list.Anchor, versions);
        return versions;
    }

    private static void Remember(Dictionary<string, List<string>> anchored, AnchorName anchor, List<string> versions)
    {
        if (!anchor.IsEmpty)
        {
            anchored[anchor.Value] = [.. versions];
        }
    }

    private static List<string> Anchored(Dictionary<string, List<string>> anchored, AnchorAlias alias) =>
        anchored.TryGetValue(alias.Value.Value, out var versions) ? versions : [];

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
