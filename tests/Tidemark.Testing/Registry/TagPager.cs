using System.Globalization;

namespace Tidemark.Testing.Registry;

/// <summary>
/// Pages a sorted tag list by the distribution spec's <c>n</c> and <c>last</c>: tags after <c>last</c>, at most
/// <c>n</c>; <see cref="Page.NextLast"/> is set when more remain.
/// </summary>
internal static class TagPager
{
    public static Page Page(IReadOnlyList<string> sortedTags, string? n, string? last)
    {
        var after = string.IsNullOrEmpty(last)
            ? sortedTags
            : sortedTags.Where(t => string.CompareOrdinal(t, last) > 0).ToList();
        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0 || size >= after.Count)
        {
            return new Page(after, null);
        }

        var page = after.Take(size).ToList();
        return new Page(page, page[^1]);
    }
}
