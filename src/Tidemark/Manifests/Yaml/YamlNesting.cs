namespace Tidemark.Manifests.Yaml;

/// <summary>
/// A cheap text pass run before YamlDotNet parses a file: YamlDotNet recurses once per nesting level, so a file
/// nested tens of thousands of levels deep (<c>[[[[…</c>, <c>{a: {a: …</c>, <c>- - - …</c>) overflows the stack and
/// kills the process — anyone who can commit to a repository could stop every run. Real manifests and settings nest
/// a few dozen levels at most; anything past the limits here is refused with its line instead.
/// </summary>
internal static class YamlNesting
{
    /// <summary>Flow collections (<c>[</c>, <c>{</c>) open at once.</summary>
    public const int MaxFlowDepth = 100;

    /// <summary>Columns of indentation, counting block sequence dashes (<c>- - -</c>) as indentation.</summary>
    public const int MaxIndentation = 400;

    /// <summary>Null when the text nests within the limits, else the first line past them and why.</summary>
    public static (int Line, string Reason)? TooDeep(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var line = 1;
        var depth = 0;
        var quote = '\0';
        var lineStart = true;
        var indentation = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '\n')
            {
                (line, lineStart, indentation) = (line + 1, true, 0);
                quote = depth > 0 ? quote : '\0'; // a quoted scalar in block context ends with its line for this purpose
                continue;
            }
            if (lineStart)
            {
                if (c is ' ' or '-' or '\t')
                {
                    if (++indentation > MaxIndentation)
                    {
                        return (line, $"indented more than {MaxIndentation} columns");
                    }
                    continue;
                }
                lineStart = false;
            }
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(content[i - 1]):
                    i = SkipToLineEnd(content, i);
                    break;
                case '[' or '{':
                    depth++;
                    if (depth > MaxFlowDepth)
                    {
                        return (line, $"flow collections ([ ], {{ }}) nested more than {MaxFlowDepth} deep");
                    }
                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return null;
    }

    private static int SkipToLineEnd(string content, int index)
    {
        var end = content.IndexOf('\n', index);
        return (end < 0 ? content.Length : end) - 1;
    }
}
