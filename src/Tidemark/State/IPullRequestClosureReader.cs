namespace Tidemark.State;

/// <summary>Who closed a pull request of an update branch.</summary>
internal interface IPullRequestClosureReader
{
    /// <summary>The closure of pull request <paramref name="number"/> of <paramref name="repository"/>; null when none is recorded.</summary>
    Task<PullRequestClosure?> FindClosureAsync(string repository, int number, CancellationToken cancellationToken);

    /// <summary>Every closure recorded for (repository, branch), newest first.</summary>
    Task<IReadOnlyList<PullRequestClosure>> ListClosuresAsync(string repository, string branch, CancellationToken cancellationToken);
}
