namespace Tidemark.Configuration;

/// <summary>A per-image rule from <c>tidemark.yaml</c>: which images (name globs), and their policy or ignore.</summary>
internal sealed record ImageRule(IReadOnlyList<string> Images, PolicySpec? Policy, bool Ignore, SourcePlace Place)
{
    public bool Matches(string canonicalName, string familiarName) =>
        Images.Any(glob => NameGlob.IsMatch(glob, canonicalName) || NameGlob.IsMatch(glob, familiarName));
}
