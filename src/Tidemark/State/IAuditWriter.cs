namespace Tidemark.State;

/// <summary>Appends audit events; free text is redacted before it is stored.</summary>
internal interface IAuditWriter
{
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
