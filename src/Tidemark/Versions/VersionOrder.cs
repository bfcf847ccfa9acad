namespace Tidemark.Versions;

/// <summary>
/// Tags in version order for people (<c>--explain</c>): those that read as versions from lowest to highest, e.g.
/// <c>v1.9.0</c> before <c>v1.10.0</c>, then the others (<c>latest</c>, <c>main-abc123</c>) in ordinal order.
/// </summary>
internal static class VersionOrder
{
    public static IReadOnlyList<TagVerdict> Sort(IEnumerable<TagVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var parsed = new List<(SemanticVersion Version, TagVerdict Verdict)>();
        var others = new List<TagVerdict>();
        foreach (var verdict in verdicts)
        {
            if (SemanticVersion.TryParseTag(verdict.Tag, out var version))
            {
                parsed.Add((version, verdict));
            }
            else
            {
                others.Add(verdict);
            }
        }
        return
        [
            .. parsed.OrderBy(p => p.Version).ThenBy(p => p.Verdict.Tag, StringComparer.Ordinal).Select(p => p.Verdict),
            .. others.OrderBy(v => v.Tag, StringComparer.Ordinal),
        ];
    }
}
