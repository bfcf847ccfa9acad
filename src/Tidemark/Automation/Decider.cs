using Tidemark.Registries;
using Tidemark.Versions;

namespace Tidemark.Automation;

/// <summary>
/// The Decide stage, pure: each distinct image key's policy applied to its repository's tags, then the lockstep
/// groups. Listings that failed arrive as errors and become <see cref="Decision.Keep"/> with the message.
/// </summary>
internal static class Decider
{
    public static IReadOnlyList<Decision> Decide(
        IReadOnlyList<GovernedReference> references,
        IReadOnlyDictionary<string, TagListing> listings,
        IReadOnlyDictionary<string, RegistryException> failures,
        IReadOnlyList<Configuration.GroupRule> groups,
        bool explain)
    {
        var decisions = new List<Decision>();
        foreach (var keyed in references.GroupBy(r => r.Key))
        {
            decisions.Add(DecideOne(keyed.First(), listings, failures, explain) switch
            {
                Decision.Keep { IsError: false, Selection.Selected: { } selected } keep when keyed.Any(MarkerRewrites) =>
                    new Decision.Update(keep.Key, keep.Policy, keep.Selection, selected, null, $"{keep.Reason}; the marked value is rewritten to the ImagePolicy's image {keyed.First().PolicyImage}, as Flux writes it"),
                var decision => decision,
            });
        }
        return LockstepGroups.Apply(decisions, references, listings, groups);
    }

    /// <summary>A setter marker whose value Flux would rewrite although the tag stays (another name, a digest to add or drop).</summary>
    private static bool MarkerRewrites(GovernedReference reference) => reference.Setter?.RewritesWithoutNewTag(reference.Site) == true;

    private static Decision DecideOne(GovernedReference reference, IReadOnlyDictionary<string, TagListing> listings, IReadOnlyDictionary<string, RegistryException> failures, bool explain)
    {
        var key = reference.Key;
        if (failures.TryGetValue(key.Name, out var failure))
        {
            return new Decision.Keep(key, reference.Policy, null, failure.Message, IsError: true);
        }
        var listing = listings[key.Name];
        var selection = TagSelector.Select(reference.Policy.Policy, reference.Policy.Filter, listing.Tags, key.Tag, explain);
        var heldBack = HeldBack(reference.Policy, listing.Tags, key.Tag, selection.Selected);
        if (selection.Selected is null || selection.Selected == key.Tag)
        {
            var reason = selection.Selected == key.Tag ? $"up to date: {selection.Reason}" : selection.Reason;
            return new Decision.Keep(key, reference.Policy, selection, reason) { HeldBack = heldBack };
        }
        return new Decision.Update(key, reference.Policy, selection, selection.Selected, null, selection.Reason) { HeldBack = heldBack };
    }

    /// <summary>
    /// For a relative policy (<c>non-breaking</c>, <c>patch</c>, <c>minor</c>): the newest newer tag of the same shape
    /// that it does not allow — what a person would update to by hand — or null when the policy already takes it.
    /// </summary>
    private static string? HeldBack(ResolvedPolicy policy, IReadOnlyList<string> tags, string? current, string? selected)
    {
        if (current is null || policy.Policy is not (NonBreakingPolicy or PatchPolicy or MinorPolicy))
        {
            return null;
        }
        var newest = TagSelector.Select(new MajorPolicy(), policy.Filter, tags, current).Selected;
        return newest is not null && newest != selected && newest != current ? newest : null;
    }
}
