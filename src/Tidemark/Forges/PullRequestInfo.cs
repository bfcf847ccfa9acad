namespace Tidemark.Forges;

/// <summary>A pull request as read from the forge.</summary>
/// <param name="State"><c>open</c> or <c>closed</c> (a merged pull request is closed with <paramref name="Merged"/> set).</param>
internal sealed record PullRequestInfo(
    int Number,
    string Url,
    string State,
    bool Merged,
    string Title,
    string Body,
    string HeadRef,
    string HeadSha,
    string BaseRef,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> RequestedReviewers)
{
    public bool IsOpen => State == "open";
}
