namespace Tidemark.State;

/// <summary>Stores the pull requests Tidemark manages.</summary>
internal interface IPullRequestWriter
{
    /// <summary>Inserts or replaces the record for (repository, update branch).</summary>
    Task SavePullRequestAsync(ManagedPullRequest pullRequest, CancellationToken cancellationToken);
}
