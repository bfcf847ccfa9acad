namespace Tidemark.Manifests;

/// <summary>Runs the kinds that handle a file over its text and merges what they find (pure; the walker's core).</summary>
internal static class FileFindings
{
    /// <summary>
    /// Sites from every kind that handles <paramref name="path"/> and passes its screen. When two kinds find the
    /// same text the first registered wins (a setter marker's site over the plain finders').
    /// </summary>
    public static KindFindings Find(string content, string path, IReadOnlyList<IManifestKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var sites = new List<ReferenceSite>();
        var skipped = new List<Skipped>();
        foreach (var kind in kinds)
        {
            if (!kind.Handles(path) || !kind.Screen(content))
            {
                continue;
            }
            var found = kind.Find(content, path);
            sites.AddRange(found.Sites.Where(site => !sites.Any(kept => kept.Kind != site.Kind && Overlap(kept, site))));
            skipped.AddRange(found.Skipped.Where(s => !skipped.Contains(s)));
        }
        return new KindFindings(
            [.. sites.OrderBy(s => s.Line).ThenBy(s => s.Column)],
            [.. skipped.OrderBy(s => s.Line).ThenBy(s => s.Reason, StringComparer.Ordinal)]);
    }

    private static bool Overlap(ReferenceSite a, ReferenceSite b) =>
        a.Targets.Any(x => b.Targets.Any(y => x.Span.Overlaps(y.Span)));
}
