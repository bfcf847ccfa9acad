namespace Tidemark.Forges;

/// <summary>What <see cref="IForge.EnsurePullRequestAsync"/> did.</summary>
/// <param name="PullRequest">The pull request afterwards; null for <see cref="EnsureAction.NothingToPropose"/>.</param>
/// <param name="Changed">What was written, e.g. <c>title</c>, <c>body</c>, <c>labels</c>, <c>reviewers</c>, <c>assignees</c>.</param>
internal sealed record EnsureOutcome(EnsureAction Action, PullRequestInfo? PullRequest, IReadOnlyList<string> Changed);
