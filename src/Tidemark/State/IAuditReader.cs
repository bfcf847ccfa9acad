namespace Tidemark.State;

/// <summary>Queries the audit log.</summary>
internal interface IAuditReader
{
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Every event run <paramref name="runId"/> recorded naming <paramref name="tokenFingerprint"/>, counted by action and outcome (however many other events the store holds).</summary>
    Task<IReadOnlyList<AuditCount>> CountRunAsync(string runId, string tokenFingerprint, CancellationToken cancellationToken);
}
