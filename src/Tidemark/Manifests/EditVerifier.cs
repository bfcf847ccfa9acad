namespace Tidemark.Manifests;

/// <summary>
/// Re-reads an edited text with every kind involved (Renovate's "confirm the dependency was updated" step):
/// the same references must be found, edited targets must read their new values, all others their old ones.
/// </summary>
internal static class EditVerifier
{
    /// <summary>Null when the edit is confirmed, else the refusal.</summary>
    public static EditOutcome.Refused? Verify(
        string before, string after, string path, IReadOnlyList<Replacement> replacements, IReadOnlyList<SpanEdit> edits)
    {
        var written = edits.ToDictionary(e => e.Target.Span, e => e.Value);
        foreach (var kindName in replacements.Select(r => r.Site.Kind).Distinct())
        {
            if (ManifestKinds.ByName(kindName) is not { } kind)
            {
                return new EditOutcome.Refused(path, 0, $"unknown manifest kind \"{kindName}\"");
            }
            var old = kind.Find(before, path).Sites;
            if (replacements.FirstOrDefault(r => r.Site.Kind == kindName && !old.Any(s => SameTargets(s, r.Site))) is { } stale)
            {
                return new EditOutcome.Refused(path, stale.Site.Line, "the reference is not in the file as found; find it again");
            }
            if (Compare(old, kind.Find(after, path).Sites, written, path) is { } refused)
            {
                return refused;
            }
        }
        return null;
    }

    private static EditOutcome.Refused? Compare(
        IReadOnlyList<ReferenceSite> old, IReadOnlyList<ReferenceSite> now, Dictionary<TextSpan, string> written, string path)
    {
        if (old.Count != now.Count)
        {
            return new EditOutcome.Refused(path, 0, $"after the edit the file reads {now.Count} references instead of {old.Count}");
        }
        for (var i = 0; i < old.Count; i++)
        {
            var (before, after) = (old[i], now[i]);
            if (before.Targets.Count != after.Targets.Count)
            {
                return new EditOutcome.Refused(path, before.Line, "after the edit the reference reads differently");
            }
            for (var j = 0; j < before.Targets.Count; j++)
            {
                var expected = written.TryGetValue(before.Targets[j].Span, out var value) ? value : before.Targets[j].CurrentText;
                if (after.Targets[j].CurrentText != expected || after.Targets[j].Part != before.Targets[j].Part)
                {
                    return new EditOutcome.Refused(
                        path, before.Line, $"after the edit the reference reads \"{after.Targets[j].CurrentText}\", expected \"{expected}\"");
                }
            }
        }
        return null;
    }

    private static bool SameTargets(ReferenceSite a, ReferenceSite b) =>
        a.Targets.Count == b.Targets.Count && a.Targets.Zip(b.Targets).All(p => p.First.Span == p.Second.Span && p.First.Part == p.Second.Part);
}
