namespace Tidemark.State;

/// <summary>The state of a pull request Tidemark manages.</summary>
internal enum PullRequestState
{
    Open,
    Merged,
    Closed,
}
