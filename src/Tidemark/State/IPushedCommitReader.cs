namespace Tidemark.State;

/// <summary>Which commits Tidemark pushed to one update branch.</summary>
internal interface IPushedCommitReader
{
    /// <summary>Every commit recorded for (repository, branch), newest first; empty when none.</summary>
    Task<IReadOnlyList<PushedCommit>> ListPushedCommitsAsync(string repository, string branch, CancellationToken cancellationToken);
}
