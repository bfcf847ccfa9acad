using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>Assembles the <see cref="Plan"/> from the stages' outputs: one change per image that actually moved.</summary>
internal static class PlanBuilder
{
    public static Plan Build(
        BindingResult binding,
        IReadOnlyList<Decision> decisions,
        IReadOnlyDictionary<ImageKey, Decision.Update> updates,
        IReadOnlyList<FileEdit> edits,
        IReadOnlyList<string> errors,
        IReadOnlyList<Skipped> discoverySkipped)
    {
        var editedFiles = edits.Select(e => e.File).ToHashSet(StringComparer.Ordinal);
        var changes = new List<PlannedChange>();
        var unchanged = new List<NotUpdated>(binding.Ignored);
        var referencesByKey = binding.References.ToLookup(r => r.Key);
        foreach (var decision in decisions)
        {
            var sites = referencesByKey[decision.Key].ToList();
            var image = sites[0].Image;
            if (decision is Decision.Keep keep)
            {
                unchanged.Add(new NotUpdated(image.FamiliarName, decision.Key.Tag, keep.Reason));
                continue;
            }
            var places = sites.Where(s => editedFiles.Contains(s.Site.File)).Select(s => new SitePlace(s.Site.File, s.Site.Line)).Distinct().ToList();
            if (updates.TryGetValue(decision.Key, out var update) && places.Count > 0)
            {
                changes.Add(new PlannedChange(image.FamiliarName, decision.Key.Tag ?? "", update.To, decision.Policy.Text, update.Group, update.Reason, places));
            }
        }
        return new Plan(
            [.. changes.OrderBy(c => c.Image, StringComparer.Ordinal).ThenBy(c => c.From, StringComparer.Ordinal)],
            [.. unchanged.OrderBy(u => u.Image, StringComparer.Ordinal)],
            errors,
            [.. discoverySkipped, .. binding.Skipped],
            edits,
            decisions);
    }
}
