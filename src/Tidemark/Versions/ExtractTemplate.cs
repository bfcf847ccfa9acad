using System.Text;
using System.Text.RegularExpressions;

namespace Tidemark.Versions;

/// <summary>
/// A Flux <c>filterTags.extract</c> template compiled once, with Go <c>Regexp.Expand</c> rules: <c>$name</c> takes the
/// longest run of letters, digits and <c>_</c> (so <c>$1x</c> means <c>${1x}</c>), <c>${name}</c> delimits it, <c>$1</c>
/// counts groups Go's way, <c>$$</c> is a literal <c>$</c>, and a malformed <c>$</c> stays literal.
/// Unlike Go, a reference to a group the pattern does not have is an error instead of silently empty.
/// See https://pkg.go.dev/regexp#Regexp.Expand.
/// </summary>
internal sealed class ExtractTemplate
{
    // a segment is either literal text or a .NET group number (-1 never occurs: unknown groups are rejected)
    private readonly (string? Literal, int Group)[] segments;

    private ExtractTemplate((string? Literal, int Group)[] segments) => this.segments = segments;

    public static ParseResult<ExtractTemplate> Compile(string template, Regex regex, IReadOnlyList<string?> goGroups)
    {
        var segments = new List<(string?, int)>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            // plain text, "$$" (a literal $) and a malformed "$" (kept as is) are all literal
            var isDollarDollar = template[i] == '$' && i + 1 < template.Length && template[i + 1] == '$';
            if (template[i] != '$' || isDollarDollar || !TryReadReference(template, i + 1, out var name, out var next))
            {
                literal.Append(template[i]);
                i += isDollarDollar ? 2 : 1;
                continue;
            }

            var group = ResolveGroup(name, regex, goGroups);
            if (group < 0)
            {
                return ParseResult<ExtractTemplate>.Failure(
                    $"extract \"{template}\" refers to ${name} but the pattern has no such group");
            }

            Flush(literal, segments);
            segments.Add((null, group));
            i = next;
        }

        Flush(literal, segments);
        return ParseResult<ExtractTemplate>.Success(new ExtractTemplate([.. segments]));
    }

    public string Expand(Match match)
    {
        if (segments.Length == 1)
        {
            return Render(segments[0], match);
        }

        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append(Render(segment, match));
        }

        return builder.ToString();
    }

    private static string Render((string? Literal, int Group) segment, Match match) =>
        segment.Literal ?? (match.Groups[segment.Group].Success ? match.Groups[segment.Group].Value : string.Empty);

    private static void Flush(StringBuilder literal, List<(string?, int)> segments)
    {
        if (literal.Length > 0)
        {
            segments.Add((literal.ToString(), 0));
            literal.Clear();
        }
    }

    private static bool TryReadReference(string template, int start, out string name, out int next)
    {
        var braced = start < template.Length && template[start] == '{';
        var i = braced ? start + 1 : start;
        var nameStart = i;
        while (i < template.Length && (char.IsLetterOrDigit(template[i]) || template[i] == '_'))
        {
            i++;
        }

        name = template[nameStart..i];
        next = i;
        if (name.Length == 0 || (braced && (i >= template.Length || template[i] != '}')))
        {
            return false;
        }

        next = braced ? i + 1 : i;
        return true;
    }

    // Go numbers every capturing group left to right; .NET numbers unnamed groups first, so map through names
    private static int ResolveGroup(string name, Regex regex, IReadOnlyList<string?> goGroups)
    {
        if (!name.All(char.IsAsciiDigit) || (name.Length > 1 && name[0] == '0') || name.Length > 8)
        {
            return regex.GroupNumberFromName(name);
        }

        var index = int.Parse(name, System.Globalization.CultureInfo.InvariantCulture);
        if (index == 0)
        {
            return 0;
        }

        if (index > goGroups.Count)
        {
            return -1;
        }

        var groupName = goGroups[index - 1];
        if (groupName is not null)
        {
            return regex.GroupNumberFromName(groupName);
        }

        var unnamedOrdinal = 0;
        for (var g = 0; g < index; g++)
        {
            unnamedOrdinal += goGroups[g] is null ? 1 : 0;
        }

        return unnamedOrdinal;
    }
}
