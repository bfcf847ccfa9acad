namespace Tidemark.Testing.GitHub;

/// <summary>Classic branch protection for one branch name (GH006 on push).</summary>
public sealed record BranchProtection
{
    public bool RequirePullRequest { get; init; } = true;

    public int RequiredApprovingReviewCount { get; init; } = 1;

    public IReadOnlyList<string> RequiredStatusChecks { get; init; } = [];

    public bool AllowForcePushes { get; init; }

    public bool AllowDeletions { get; init; }
}
