using YamlDotNet.Core;

namespace Tidemark.Manifests.Yaml;

/// <summary>
/// Locates the nodes of a YAML stream with YamlDotNet's event stream; nothing is ever re-serialised.
/// Facts this relies on are in <c>shared/research/yaml-positions.md</c>: offsets are UTF-16, a BOM must be
/// stripped (and its length added back). Validity and structure come from a parse without comments; comments are
/// found separately (<see cref="YamlCommentScanner"/>), because YamlDotNet's comment scanner rejects valid files.
/// </summary>
internal static class YamlReader
{
    // Several kinds read the same file one after another: parse each text instance once (see LastTextCache).
    [ThreadStatic]
    private static LastTextCache<YamlFile>? _last;

    [ThreadStatic]
    private static bool _yamlDotNetOnly;

    public static YamlFile Read(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return _yamlDotNetOnly ? ReadWithYamlDotNet(content) : (_last ??= new()).GetValue(content, Parse);
    }

    /// <summary>
    /// <paramref name="action"/>'s result with every <see cref="Read"/> on this thread going to YamlDotNet, not
    /// cached: the reference path that the equivalence test compares the block locator's findings with.
    /// </summary>
    public static T WithYamlDotNetOnly<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = _yamlDotNetOnly;
        _yamlDotNetOnly = true;
        try
        {
            return action();
        }
        finally
        {
            _yamlDotNetOnly = before;
        }
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
        if (YamlNesting.TooDeep(content) is { } tooDeep)
        {
            return new YamlFile([], $"not read: {tooDeep.Reason}, which no manifest needs", tooDeep.Line, lines);
        }
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
