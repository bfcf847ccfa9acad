namespace Tidemark.State;

/// <summary>Reads the pull requests Tidemark manages.</summary>
internal interface IPullRequestReader
{
    Task<ManagedPullRequest?> FindPullRequestAsync(string repository, string updateBranch, CancellationToken cancellationToken);

    Task<IReadOnlyList<ManagedPullRequest>> ListPullRequestsAsync(string repository, CancellationToken cancellationToken);
}
