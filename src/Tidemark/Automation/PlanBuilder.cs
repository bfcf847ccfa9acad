using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>Assembles the <see cref="Plan"/> from the stages' outputs: one change per image that actually moved.</summary>
internal static class PlanBuilder
{
    public static Plan Build(
        BindingResult binding,
        IReadOnlyList<Decision> decisions,
        IReadOnlyDictionary<ImageKey, Decision.Update> updates,
        IReadOnlyDictionary<ImageKey, string> digests,
        IReadOnlyList<FileEdit> edits,
        IReadOnlyList<string> errors,
        IReadOnlyList<Skipped> discoverySkipped,
        IReadOnlyDictionary<string, Registries.RegistryException>? failures = null)
    {
        var failed = new List<FailedImage>();
        var editedFiles = edits.Select(e => e.File).ToHashSet(StringComparer.Ordinal);
        var changes = new List<PlannedChange>();
        var unchanged = new List<NotUpdated>(binding.Ignored);
        var referencesByKey = binding.References.ToLookup(r => r.Key);
        foreach (var decision in decisions)
        {
            var sites = referencesByKey[decision.Key].ToList();
            var image = sites[0].Image;
            if (decision is Decision.Keep { IsError: true } && failures?.GetValueOrDefault(decision.Key.Name) is { } failure)
            {
                failed.Add(new FailedImage(image.FamiliarName, image.Registry, failure.Kind, failure.Message));
                continue;
            }
            if (decision is Decision.Keep keep)
            {
                unchanged.Add(new NotUpdated(image.FamiliarName, decision.Key.Tag, keep.Reason) { HeldBack = keep.HeldBack, Policy = decision.Policy.Text });
                continue;
            }
            var places = sites.Where(s => editedFiles.Contains(s.Site.File)).Select(s => new SitePlace(s.Site.File, s.Site.Line)).Distinct().ToList();
            if (updates.TryGetValue(decision.Key, out var update) && places.Count > 0)
            {
                var edited = sites.Where(s => editedFiles.Contains(s.Site.File)).Select(s => SiteChangeOf(s, update.To, digests.GetValueOrDefault(decision.Key))).Where(c => c.OldValue != c.NewValue).Distinct().ToList();
                changes.Add(new PlannedChange(image.FamiliarName, decision.Key.Tag ?? "", update.To, decision.Policy.Text, update.Group, update.Reason, places) { Sites = edited, HeldBack = update.HeldBack, Artifact = sites[0].Site.Artifact, Holders = [.. sites.Select(s => s.Site.Holder).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] });
            }
        }
        return new Plan(
            [.. changes.OrderBy(c => c.Image, StringComparer.Ordinal).ThenBy(c => c.From, StringComparer.Ordinal)],
            [.. unchanged.OrderBy(u => u.Image, StringComparer.Ordinal)],
            errors,
            [.. discoverySkipped, .. binding.Skipped],
            edits,
            decisions)
        {
            Failed = [.. failed.DistinctBy(f => f.Image).OrderBy(f => f.Image, StringComparer.Ordinal)],
        };
    }

    /// <summary>The value as a Flux setter reports it: the marked scalar's text before and after; without a marker, a tag field tag to tag, an image field whole reference to whole reference (digests left out).</summary>
    private static SiteChange SiteChangeOf(GovernedReference reference, string to, string? digest)
    {
        var marker = reference.Site.Marker;
        var setter = marker is null ? "" : $"{marker.Namespace}:{marker.Name}" + marker.Form switch
        {
            MarkerForm.Tag => ":tag",
            MarkerForm.Name => ":name",
            MarkerForm.Digest => ":digest",
            _ => "",
        };
        if (reference.Setter is { } write)
        {
            var current = reference.Site.Targets[0].CurrentText;
            return new SiteChange(reference.Site.File, reference.Site.Line, setter, current, write.Value(to, digest) ?? current);
        }
        var target = reference.Site.TargetFor(TargetPart.Tag);
        return target is { Part: TargetPart.Tag }
            ? new SiteChange(reference.Site.File, reference.Site.Line, setter, target.CurrentText, to)
            : new SiteChange(reference.Site.File, reference.Site.Line, setter, target?.CurrentText ?? reference.Site.Written, reference.Image.Write(to, null));
    }
}
