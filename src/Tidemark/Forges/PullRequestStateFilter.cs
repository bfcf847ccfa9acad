namespace Tidemark.Forges;

internal enum PullRequestStateFilter
{
    Open,
    Closed,
    All,
}
