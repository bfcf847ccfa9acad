namespace Tidemark.State;

/// <summary>Records runs and their decisions.</summary>
internal interface IRunWriter
{
    /// <summary>Starts a run now and returns its id.</summary>
    Task<long> StartRunAsync(RunStart start, CancellationToken cancellationToken);

    Task EndRunAsync(long runId, RunEnd end, CancellationToken cancellationToken);

    Task RecordDecisionsAsync(long runId, IReadOnlyList<DecisionRecord> decisions, CancellationToken cancellationToken);
}
