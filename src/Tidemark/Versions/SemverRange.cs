namespace Tidemark.Versions;

/// <summary>
/// A version range as Flux users write it (Masterminds semver v3 syntax): comparisons <c>= != &gt; &lt; &gt;= &lt;= =&gt; =&lt;</c>,
/// <c>,</c> or space for AND, <c>||</c> for OR, hyphen ranges <c>1.2 - 1.4.5</c>, wildcards <c>x X *</c>, <c>~</c>, <c>~&gt;</c>
/// and <c>^</c>, e.g. <c>&gt;=1.2 &lt;3.0.0 || ^4.1</c>. A pre-release version satisfies the range only through an AND-group
/// that itself names a pre-release (<c>&gt;=1.0.0-0</c>); then pre-releases of any version in that group's range qualify.
/// </summary>
internal sealed record SemverRange
{
    // arrays, not IReadOnlyList: the check runs once per tag and must not allocate an enumerator
    private readonly Comparator[][] groups;
    private readonly bool[] groupAdmitsPreReleases;

    internal SemverRange(string text, IReadOnlyList<IReadOnlyList<Comparator>> groups)
    {
        Text = text;
        this.groups = [.. groups.Select(group => group.ToArray())];
        groupAdmitsPreReleases = new bool[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var comparator in this.groups[i])
            {
                groupAdmitsPreReleases[i] |= comparator.Version.IsPreRelease;
            }

            AdmitsPreReleases |= groupAdmitsPreReleases[i];
        }
    }

    /// <summary>The range as written (trimmed), e.g. <c>^1.2</c>.</summary>
    public string Text { get; }

    /// <summary>True when some AND-group names a pre-release, so pre-release tags can be chosen at all.</summary>
    public bool AdmitsPreReleases { get; }

    public static ParseResult<SemverRange> Parse(string text) => RangeParser.Parse(text);

    public bool IsSatisfiedBy(SemanticVersion version)
    {
        for (var i = 0; i < groups.Length; i++)
        {
            if ((!version.IsPreRelease || groupAdmitsPreReleases[i]) && AllSatisfied(groups[i], version))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses <paramref name="tag"/> like Flux (one leading <c>v</c>, strict SemVer) and checks it; false when it does not parse.</summary>
    public bool IsSatisfiedBy(string tag) => SemanticVersion.TryParseTag(tag, out var version) && IsSatisfiedBy(version);

    private static bool AllSatisfied(Comparator[] group, SemanticVersion version)
    {
        foreach (var comparator in group)
        {
            if (!comparator.IsSatisfiedBy(version))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(SemverRange? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}
