namespace Tidemark.State;

/// <summary>Queries the audit log.</summary>
internal interface IAuditReader
{
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
