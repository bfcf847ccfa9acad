using System.Text.RegularExpressions;

namespace Tidemark.Registries;

/// <summary>
/// Drops tags that are not images to update to. By default the cosign signature, attestation and SBOM tags
/// (<c>sha256-&lt;64 hex&gt;.sig|.att|.sbom</c>). A Flux <c>ImageRepository.spec.exclusionList</c> replaces the
/// default when given: Go RE2 patterns matched unanchored, like Go's <c>MatchString</c>
/// (https://fluxcd.io/flux/components/image/imagerepositories/#exclusion-list).
/// </summary>
internal sealed class TagExclusion
{
    private const string CosignPattern = "^sha256-[0-9a-f]{64}\\.(sig|att|sbom)$";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<Regex> patterns;

    private TagExclusion(IReadOnlyList<Regex> patterns) => this.patterns = patterns;

    /// <summary>The default: cosign signature, attestation and SBOM tags.</summary>
    public static TagExclusion Default { get; } = new([Compile(CosignPattern)]);

    /// <summary>
    /// Builds the exclusion for a Flux exclusion list; <c>null</c> means "not given" and yields the default,
    /// an empty list excludes nothing. Throws <see cref="ArgumentException"/> naming the bad pattern.
    /// </summary>
    public static TagExclusion FromExclusionList(IReadOnlyList<string>? exclusionList)
    {
        if (exclusionList is null)
        {
            return Default;
        }

        var compiled = new List<Regex>(exclusionList.Count);
        foreach (var pattern in exclusionList)
        {
            try
            {
                compiled.Add(Compile(pattern));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"exclusionList pattern \"{pattern}\" is not a valid regular expression: {e.Message}", nameof(exclusionList), e);
            }
        }

        return new TagExclusion(compiled);
    }

    public bool IsExcluded(string tag)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(tag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps the order of <paramref name="tags"/>; returns the kept tags and how many were dropped.</summary>
    public (IReadOnlyList<string> Kept, int Excluded) Apply(IReadOnlyList<string> tags)
    {
        var kept = new List<string>(tags.Count);
        foreach (var tag in tags)
        {
            if (!IsExcluded(tag))
            {
                kept.Add(tag);
            }
        }

        return (kept, tags.Count - kept.Count);
    }

    // RE2 has no backreferences or lookaround, so the subset users write runs the same under .NET's engine;
    // NonBacktracking keeps a hostile pattern from blowing up.
    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
}
