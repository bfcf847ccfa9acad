using System.Globalization;
using System.Text.RegularExpressions;

namespace Tidemark.Configuration;

/// <summary>Durations as people write them in <c>tidemark.yaml</c>: <c>90s</c>, <c>10m</c>, <c>24h</c>, <c>1h30m</c>, <c>7d</c>.</summary>
internal static partial class ConfigDurations
{
    /// <summary>The duration, or null when <paramref name="text"/> is not one.</summary>
    public static TimeSpan? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var value = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
            total += part.Value[^1] switch
            {
                's' => TimeSpan.FromSeconds(value),
                'm' => TimeSpan.FromMinutes(value),
                'h' => TimeSpan.FromHours(value),
                _ => TimeSpan.FromDays(value),
            };
        }

        return total;
    }

    [GeneratedRegex(@"^(?:(?<part>[0-9]+(?:\.[0-9]+)?[smhd]))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
