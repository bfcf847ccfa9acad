using System.CommandLine;

namespace Tidemark.Cli;

/// <summary>
/// What to say when the command line is wrong: the subcommands of a command given alone (<c>tidemark token</c>), and the
/// nearest option or command for a misspelt one (<c>--outptu</c> → <c>--output</c>), by edit distance.
/// </summary>
internal static class Suggestions
{
    /// <summary>Lines listing <paramref name="command"/>'s subcommands with their descriptions, or none when it has none.</summary>
    public static IReadOnlyList<string> Subcommands(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        if (subcommands.Count == 0)
        {
            return [];
        }
        var width = subcommands.Max(c => c.Name.Length);
        return [$"'tidemark {command.Name}' needs one of:", .. subcommands.Select(c => $"  {c.Name.PadRight(width)}  {c.Description}")];
    }

    /// <summary>The known name closest to <paramref name="token"/> (at most a third of its letters off), or null.</summary>
    public static string? Closest(string token, Command command)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(command);
        var names = Names(command).Distinct(StringComparer.Ordinal).ToList();
        var best = names.Select(name => (Name: name, Distance: Distance(token, name))).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(1, token.Length / 3) ? best.Name : null;
    }

    private static IEnumerable<string> Names(Command command)
    {
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in current.Options.Where(o => !o.Hidden))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                {
                    yield return alias;
                }
            }
            foreach (var subcommand in current.Subcommands.Where(c => !c.Hidden))
            {
                yield return subcommand.Name;
            }
        }
    }

    /// <summary>Levenshtein distance (insert, delete, substitute one character).</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
