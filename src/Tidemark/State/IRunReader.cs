namespace Tidemark.State;

/// <summary>Reads runs and their decisions.</summary>
internal interface IRunReader
{
    Task<RunRecord?> GetRunAsync(long runId, CancellationToken cancellationToken);

    /// <summary>The latest runs of a repository, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(string repository, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<DecisionRecord>> ListDecisionsAsync(long runId, CancellationToken cancellationToken);
}
