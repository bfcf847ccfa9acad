using Tidemark.Configuration;
using Tidemark.Registries;
using Tidemark.Versions;

namespace Tidemark.Automation;

/// <summary>
/// Lockstep groups: the members of a group move only to a tag that every member has and every member's policy
/// allows, all to the same tag, or not at all; the reason names the member that held the group back.
/// </summary>
internal static class LockstepGroups
{
    public static IReadOnlyList<Decision> Apply(IReadOnlyList<Decision> decisions, IReadOnlyList<GovernedReference> references, IReadOnlyDictionary<string, TagListing> listings, IReadOnlyList<GroupRule> groups)
    {
        var result = decisions.ToList();
        foreach (var group in groups)
        {
            var members = result.Select((d, i) => (Decision: d, Index: i)).Where(m => IsMember(group, m.Decision, references)).ToList();
            if (members.Count < 2 || members.Any(m => m.Decision is Decision.Keep { IsError: true }))
            {
                continue;
            }
            var target = CommonTarget(members.Select(m => m.Decision).ToList(), listings);
            foreach (var (decision, index) in members)
            {
                result[index] = Settle(decision, group, target, members.Select(m => m.Decision).ToList(), listings);
            }
        }
        return result;
    }

    private static bool IsMember(GroupRule group, Decision decision, IReadOnlyList<GovernedReference> references)
    {
        var image = references.First(r => r.Key == decision.Key).Image;
        return group.Matches(image.Name, image.FamiliarName);
    }

    /// <summary>The best tag, by the first member's policy, among the tags every member has and allows.</summary>
    private static string? CommonTarget(IReadOnlyList<Decision> members, IReadOnlyDictionary<string, TagListing> listings)
    {
        var common = listings[members[0].Key.Name].Tags.ToHashSet(StringComparer.Ordinal);
        foreach (var member in members.Skip(1))
        {
            common.IntersectWith(listings[member.Key.Name].Tags);
        }
        var allowed = common.Where(tag => members.All(m => Allows(m, tag))).ToList();
        var first = members[0];
        var best = TagSelector.Select(first.Policy.Policy, first.Policy.Filter, allowed, first.Key.Tag).Selected;
        return best;
    }

    private static bool Allows(Decision member, string tag) =>
        tag == member.Key.Tag || TagSelector.Select(member.Policy.Policy, member.Policy.Filter, [tag], member.Key.Tag).Selected == tag;

    private static Decision Settle(Decision decision, GroupRule group, string? target, IReadOnlyList<Decision> members, IReadOnlyDictionary<string, TagListing> listings)
    {
        var wanted = decision is Decision.Update update ? update.To : null;
        if (target is null || target == decision.Key.Tag)
        {
            var reason = wanted is null ? decision is Decision.Keep keep ? keep.Reason : "up to date" : $"held by group {group.Name}: {Holder(wanted, members, listings)}";
            return new Decision.Keep(decision.Key, decision.Policy, decision.Selection, reason) { HeldBack = decision.HeldBack };
        }
        var why = target == wanted ? $"{target} with group {group.Name}" : $"{target} with group {group.Name} ({(wanted is null ? "its own policy would stay" : $"{wanted} is held back: " + Holder(wanted, members, listings))})";
        return new Decision.Update(decision.Key, decision.Policy, decision.Selection, target, group.Name, why) { HeldBack = decision.HeldBack };
    }

    private static string Holder(string wanted, IReadOnlyList<Decision> members, IReadOnlyDictionary<string, TagListing> listings)
    {
        foreach (var member in members)
        {
            if (!listings[member.Key.Name].Tags.Contains(wanted))
            {
                return $"{member.Key.Name} has no tag {wanted}";
            }
            if (!Allows(member, wanted))
            {
                return $"{member.Key.Name}'s policy ({member.Policy.Text}) does not allow {wanted}";
            }
        }
        return $"not every member allows {wanted}";
    }
}
