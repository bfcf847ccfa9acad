using System.Runtime.CompilerServices;
using YamlDotNet.Core;

namespace Tidemark.Manifests.Yaml;

/// <summary>
/// Locates the nodes of a YAML stream with YamlDotNet's event stream; nothing is ever re-serialised.
/// Facts this relies on are in <c>shared/research/yaml-positions.md</c>: offsets are UTF-16, a BOM must be
/// stripped (and its length added back), comments arrive only with <c>skipComments: false</c>.
/// </summary>
internal static class YamlReader
{
    // Several kinds read the same file one after another: parse each text instance once. Keyed by the string
    // instance and collected with it, so this holds no state a caller could observe.
    private static readonly ConditionalWeakTable<string, YamlFile> Cache = [];

    public static YamlFile Read(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Cache.GetValue(content, Parse);
    }

    private static YamlFile Parse(string content) =>
        BlockYamlLocator.TryRead(content, LineMap.Of(content)) ?? ReadWithYamlDotNet(content);

    /// <summary>
    /// The tree from YamlDotNet's event stream, not cached; the common block-style subset is read by
    /// <see cref="BlockYamlLocator"/> instead, which must give the same tree (the equivalence test compares them).
    /// </summary>
    public static YamlFile ReadWithYamlDotNet(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = LineMap.Of(content);
        var bom = content.StartsWith('\uFEFF') ? 1 : 0;
        try
        {
            var documents = new YamlTreeBuilder(content, bom, lines).ReadStream();
            return new YamlFile(documents, null, 0, lines);
        }
        catch (YamlException e)
        {
            return new YamlFile([], "not valid YAML: " + e.Message, (int)Math.Max(1, e.Start.Line), lines);
        }
    }
}
