namespace Tidemark.State;

/// <summary>Remembers who closed the pull requests of update branches.</summary>
internal interface IPullRequestClosureWriter
{
    /// <summary>Records the closure unless one is already recorded for (repository, number): the first word stays; true when recorded now.</summary>
    Task<bool> TryRecordClosureAsync(PullRequestClosure closure, CancellationToken cancellationToken);
}
