namespace Tidemark.Automation;

/// <summary>One image moving to a new tag, with every place it is written — the unit the PR body lists.</summary>
internal sealed record PlannedChange(string Image, string From, string To, string Policy, string? Group, string Reason, IReadOnlyList<SitePlace> Files)
{
    /// <summary>Each written value the change rewrites, for commit message templates.</summary>
    public IReadOnlyList<SiteChange> Sites { get; init; } = [];

    /// <summary>A newer tag the policy keeps out (a newer major for <c>non-breaking</c>), e.g. <c>v2.0.0</c>; null when none.</summary>
    public string? HeldBack { get; init; }
}

/// <summary>A place in the repository: a repository-relative file and a 1-based line.</summary>
internal sealed record SitePlace(string File, int Line);
