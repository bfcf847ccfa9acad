namespace Tidemark.State;

/// <summary>Remembers the commits Tidemark pushed to its update branches.</summary>
internal interface IPushedCommitWriter
{
    /// <summary>Records the commit; recording the same (repository, branch, SHA) again changes nothing.</summary>
    Task RecordPushedCommitAsync(PushedCommit commit, CancellationToken cancellationToken);
}
