using System.Diagnostics;

namespace Tidemark.Versions;

/// <summary>
/// Picks the next tag of an image: filter (when given), then the policy. Pure and deterministic: the same tags in
/// any order give the same result. Each tag is parsed once; explaining (per-tag verdicts) is opt-in.
/// </summary>
internal static class TagSelector
{
    public static Selection Select(
        VersionPolicy policy, TagFilter? filter, IReadOnlyList<string> tags, string? currentTag, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(tags);
        var context = new SelectionContext(tags, filter, currentTag, explain);
        return policy switch
        {
            NonBreakingPolicy or PatchPolicy or MinorPolicy or MajorPolicy => RelativeSelection.Select(policy, filter, context),
            SemverRangePolicy range => RangeSelection.Select(range.Range, context),
            AlphabeticalPolicy alphabetical => OrderedSelection.SelectAlphabetical(alphabetical, context),
            NumericalPolicy numerical => OrderedSelection.SelectNumerical(numerical, context),
            _ => throw new UnreachableException($"unknown policy {policy.GetType().Name}"),
        };
    }
}
