namespace Tidemark.Versions;

/// <summary>
/// The relative policies (<c>non-breaking</c>, <c>patch</c>, <c>minor</c>, <c>major</c>): the highest tag newer than the
/// current one, of the same shape (see <see cref="ShapedVersion"/>), that keeps the leading numbers the policy fixes.
/// Never a downgrade.
/// </summary>
internal static class RelativeSelection
{
    private const string NeedsCurrent = "relative policies need one (use semver:RANGE, alphabetical or numerical)";

    public static Selection Select(VersionPolicy policy, TagFilter? filter, SelectionContext context)
    {
        var current = context.Current;
        var currentValue = current is null ? null : filter?.Apply(current) ?? current;
        if (current is null || currentValue is null || !ShapedVersion.TryParse(currentValue, out var baseline))
        {
            return WithoutBaseline(context, current is null
                ? $"no current tag; {NeedsCurrent}"
                : $"current tag \"{current}\" is not a version; {NeedsCurrent}");
        }

        var fixedParts = FixedParts(policy, baseline);
        context.OutsideLabel = fixedParts == 1 ? $"in another major than {current}" : $"in another minor than {current}";
        var best = -1;
        var bestVersion = default(ShapedVersion);
        for (var i = 0; i < context.Tags.Count; i++)
        {
            var value = context.ValueOf(i);
            if (value is null || !TryAdmit(i, value, baseline, fixedParts, context, out var version))
            {
                continue;
            }

            context.Accept(i);
            if (context.Beats(best < 0 ? 1 : version.CompareNumbers(bestVersion), i, best))
            {
                best = i;
                bestVersion = version;
            }
        }

        return context.Finish(best, Reason(policy, context, best, baseline.DescribeScope(fixedParts), fixedParts));
    }

    // non-breaking: 1.x.y may move within major 1, 0.5.x only within 0.5 (0.x minors may break)
    private static int FixedParts(VersionPolicy policy, ShapedVersion baseline) => policy switch
    {
        MajorPolicy => 0,
        MinorPolicy => 1,
        PatchPolicy => 2,
        _ => baseline[0] == 0 ? 2 : 1,
    };

    private static bool TryAdmit(
        int index, string value, ShapedVersion baseline, int fixedParts, SelectionContext context, out ShapedVersion version)
    {
        if (!ShapedVersion.TryParse(value, out version))
        {
            context.Reject(index, Verdict.NotAVersion, context.Explain ? "not a version" : null);
            return false;
        }

        if (!version.HasSameShape(baseline))
        {
            context.Reject(index, Verdict.DifferentShape, context.Explain ? $"another shape than {context.Current}" : null);
            return false;
        }

        if (version.CompareNumbers(baseline) <= 0)
        {
            context.Reject(index, Verdict.NotNewer, context.Explain ? $"not newer than {context.Current}" : null);
            return false;
        }

        if (!version.SharesLeading(baseline, fixedParts))
        {
            context.Reject(index, Verdict.OutsidePolicy, context.Explain ? context.OutsideLabel : null);
            return false;
        }

        return true;
    }

    private static string Reason(VersionPolicy policy, SelectionContext context, int best, string scope, int fixedParts)
    {
        if (best >= 0)
        {
            return $"{context.Tags[best]} is the highest {scope} newer than {context.Current} ({policy.Name})";
        }

        var within = fixedParts switch { 0 => string.Empty, 1 => " within the same major", _ => " within the same minor" };
        return $"nothing newer than {context.Current}{within} ({policy.Name})";
    }

    private static Selection WithoutBaseline(SelectionContext context, string reason)
    {
        context.OutsideLabel = "not compared: no current version";
        for (var i = 0; i < context.Tags.Count; i++)
        {
            context.Reject(i, Verdict.OutsidePolicy, context.Explain ? "not compared: no current version" : null);
        }

        return context.Finish(-1, reason);
    }
}
