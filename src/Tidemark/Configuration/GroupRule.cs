namespace Tidemark.Configuration;

/// <summary>A lockstep group: its members move only together, all to the same tag, or not at all.</summary>
internal sealed record GroupRule(string Name, IReadOnlyList<string> Images, SourcePlace Place)
{
    public bool Matches(string canonicalName, string familiarName) =>
        Images.Any(glob => NameGlob.IsMatch(glob, canonicalName) || NameGlob.IsMatch(glob, familiarName));
}
