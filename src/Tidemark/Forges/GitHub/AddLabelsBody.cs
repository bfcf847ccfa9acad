namespace Tidemark.Forges.GitHub;

/// <summary>
/// Body of <c>POST /repos/o/r/issues/n/labels</c> as GitHub documents and records it (<c>{"labels":[…]}</c>);
/// Octokit's <c>AddToIssue</c> sends a bare array instead.
/// </summary>
internal sealed class AddLabelsBody(IReadOnlyList<string> labels)
{
    public IReadOnlyList<string> Labels { get; } = labels;
}
