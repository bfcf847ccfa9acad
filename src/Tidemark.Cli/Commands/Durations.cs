using System.Globalization;
using System.Text.RegularExpressions;
using Tidemark.Configuration;

namespace Tidemark.Cli.Commands;

/// <summary>Durations as people write them on a command line: <c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>7d</c>, <c>0</c>.</summary>
internal static partial class Durations
{
    public static TimeSpan Parse(string text, string option)
    {
        if (text.Trim() == "0")
        {
            return TimeSpan.Zero;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            throw new UsageException($"{option} {text}: write a duration such as 90s, 10m, 1h30m or 7d");
        }
        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value[^1];
            var value = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
            total += unit switch { 's' => TimeSpan.FromSeconds(value), 'm' => TimeSpan.FromMinutes(value), 'h' => TimeSpan.FromHours(value), _ => TimeSpan.FromDays(value) };
        }
        return total;
    }

    [GeneratedRegex(@"^(?:(?<part>[0-9]+(?:\.[0-9]+)?[smhd]))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
