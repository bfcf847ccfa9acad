namespace Tidemark.Versions;

/// <summary>
/// <c>semver:RANGE</c> as Flux does it: tags parse as strict SemVer after one leading <c>v</c> is stripped, the highest
/// version satisfying the range wins. Like Flux the range decides alone, so it may select a tag below the current one
/// (that is how a range pins or rolls back); the reason then says so.
/// </summary>
internal static class RangeSelection
{
    public static Selection Select(SemverRange range, SelectionContext context)
    {
        context.OutsideLabel = $"outside {range.Text}";
        var best = -1;
        var bestVersion = default(SemanticVersion);
        for (var i = 0; i < context.Tags.Count; i++)
        {
            var value = context.ValueOf(i);
            if (value is null || !TryAdmit(i, value, range, context, out var version))
            {
                continue;
            }

            context.Accept(i);
            if (context.Beats(best < 0 ? 1 : version.CompareTo(bestVersion), i, best))
            {
                best = i;
                bestVersion = version;
            }
        }

        return context.Finish(best, Reason(range, context, best, bestVersion));
    }

    private static bool TryAdmit(int index, string value, SemverRange range, SelectionContext context, out SemanticVersion version)
    {
        if (!SemanticVersion.TryParseTag(value, out version))
        {
            context.Reject(index, Verdict.NotAVersion, context.Explain ? "not a SemVer version" : null);
            return false;
        }

        if (version.IsPreRelease && !range.AdmitsPreReleases)
        {
            context.Reject(index, Verdict.PreRelease, context.Explain ? $"pre-release; {range.Text} names none" : null);
            return false;
        }

        if (!range.IsSatisfiedBy(version))
        {
            context.Reject(index, Verdict.OutsidePolicy, context.Explain ? context.OutsideLabel : null);
            return false;
        }

        return true;
    }

    private static string Reason(SemverRange range, SelectionContext context, int best, SemanticVersion bestVersion)
    {
        if (best < 0)
        {
            return $"no tag satisfies {range.Text} ({context.Tags.Count} tags considered)";
        }

        var current = context.Current;
        var lower = current is not null && SemanticVersion.TryParseTag(current, out var currentVersion)
            && bestVersion.CompareTo(currentVersion) < 0;
        return $"{context.Tags[best]} is the highest version in {range.Text}" + (lower ? $" (lower than the current {current})" : string.Empty);
    }
}
