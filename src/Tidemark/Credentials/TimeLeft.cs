using System.Globalization;

namespace Tidemark.Credentials;

/// <summary>A span as people read it in token messages: <c>13 days</c>, <c>1 day</c>, <c>23h 10m</c>, <c>5m</c>.</summary>
internal static class TimeLeft
{
    public static string Format(TimeSpan span)
    {
        var value = span < TimeSpan.Zero ? TimeSpan.Zero : span;
        if (value.TotalDays >= 2)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalDays} days");
        }

        if (value.TotalHours >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h {value.Minutes}m");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Ceiling(value.TotalMinutes))}m");
    }

    /// <summary>Whole days left, rounded down (13.6 days left is 13); never negative.</summary>
    public static int Days(DateTimeOffset until, DateTimeOffset now) => Math.Max(0, (int)Math.Floor((until - now).TotalDays));
}
