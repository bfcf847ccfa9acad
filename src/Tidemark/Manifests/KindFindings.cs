namespace Tidemark.Manifests;

/// <summary>What one manifest kind found in one file: references in file order, and what it skipped with why.</summary>
internal sealed record KindFindings(IReadOnlyList<ReferenceSite> Sites, IReadOnlyList<Skipped> Skipped)
{
    public static KindFindings Empty { get; } = new([], []);
}
