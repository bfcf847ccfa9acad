namespace Tidemark.Configuration;

internal sealed record PullRequestConfig
{
    public const string DefaultTitle = "chore: automated image updates for non-breaking changes";

    public string Title { get; init; } = DefaultTitle;

    public IReadOnlyList<string> Labels { get; init; } = [];

    public IReadOnlyList<string> Reviewers { get; init; } = [];

    public IReadOnlyList<string> Assignees { get; init; } = [];
}
