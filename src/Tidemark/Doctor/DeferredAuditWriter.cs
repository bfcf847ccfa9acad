using Tidemark.State;

namespace Tidemark.Doctor;

/// <summary>
/// An audit writer that opens the state store on the first event (for <c>tidemark doctor</c>, whose own check
/// reports a store that does not open). When the store does not open, the event is dropped: the doctor's state-store
/// check says why, and its summary warns that the checks were not recorded.
/// </summary>
internal sealed class DeferredAuditWriter(Func<CancellationToken, Task<StateStore>> open) : IAuditWriter
{
    /// <summary>True once an event was dropped because the store did not open.</summary>
    public bool Dropped => Reason is not null;

    /// <summary>Why the store did not open (names the file and the fix); null while nothing was dropped.</summary>
    public StateStoreException? Reason { get; private set; }

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        StateStore state;
        try
        {
            state = await open(cancellationToken).ConfigureAwait(false);
        }
        catch (StateStoreException e)
        {
            Reason = e;
            return;
        }

        await state.AuditWriter.AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false);
    }
}
