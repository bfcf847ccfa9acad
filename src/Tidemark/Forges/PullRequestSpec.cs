namespace Tidemark.Forges;

/// <summary>What the one pull request of an update branch should say, e.g. <c>tidemark/update</c> into <c>main</c>.</summary>
internal sealed record PullRequestSpec(
    string UpdateBranch,
    string BaseBranch,
    string Title,
    string Body,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Reviewers,
    IReadOnlyList<string> Assignees);
