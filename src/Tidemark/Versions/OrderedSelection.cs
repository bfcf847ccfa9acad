using System.Globalization;

namespace Tidemark.Versions;

/// <summary>
/// The alphabetical and numerical policies. Alphabetical compares ordinally (byte order, case-sensitive, not natural
/// sort). Numerical reads decimal numbers (<c>1712345678</c>, <c>-3</c>, <c>1.5e3</c>); unlike Flux, which fails the
/// whole policy on one non-numeric tag, such tags are ignored and counted.
/// </summary>
internal static class OrderedSelection
{
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static Selection SelectAlphabetical(AlphabeticalPolicy policy, SelectionContext context)
    {
        var direction = policy.Order == SortOrder.Descending ? -1 : 1;
        var best = -1;
        string? bestValue = null;
        for (var i = 0; i < context.Tags.Count; i++)
        {
            var value = context.ValueOf(i);
            if (value is null)
            {
                continue;
            }

            context.Accept(i);
            if (context.Beats(bestValue is null ? 1 : direction * Math.Sign(string.CompareOrdinal(value, bestValue)), i, best))
            {
                best = i;
                bestValue = value;
            }
        }

        var position = policy.Order == SortOrder.Descending ? "first" : "last";
        return context.Finish(best, Reason(policy, context, best, bestValue, $"sorts {position}"));
    }

    public static Selection SelectNumerical(NumericalPolicy policy, SelectionContext context)
    {
        context.NotAVersionLabel = "not numbers";
        var direction = policy.Order == SortOrder.Descending ? -1 : 1;
        var best = -1;
        string? bestValue = null;
        var bestNumber = 0d;
        for (var i = 0; i < context.Tags.Count; i++)
        {
            var value = context.ValueOf(i);
            if (value is null)
            {
                continue;
            }

            if (!TryParseNumber(value, out var number))
            {
                context.Reject(i, Verdict.NotAVersion, context.Explain ? "not a number" : null);
                continue;
            }

            context.Accept(i);
            if (context.Beats(best < 0 ? 1 : direction * number.CompareTo(bestNumber), i, best))
            {
                best = i;
                bestValue = value;
                bestNumber = number;
            }
        }

        var rank = policy.Order == SortOrder.Descending ? "lowest" : "highest";
        return context.Finish(best, Reason(policy, context, best, bestValue, $"has the {rank} number"));
    }

    /// <summary>A finite decimal number; Go's hex floats, <c>Inf</c> and <c>NaN</c> are not numbers here.</summary>
    public static bool TryParseNumber(string value, out double number) =>
        double.TryParse(value, NumberStyle, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private static string Reason(VersionPolicy policy, SelectionContext context, int best, string? value, string claim)
    {
        if (best < 0)
        {
            return $"no tag left to choose from ({policy.Name})";
        }

        var tag = context.Tags[best];
        var by = value == tag ? string.Empty : $" by \"{value}\"";
        return $"{tag} {claim}{by} ({policy.Name})";
    }
}
