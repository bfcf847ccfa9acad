namespace Tidemark.Registries;

/// <summary>
/// A per-host circuit breaker for one run: after <c>threshold</c> requests in a row to a host failed to reach it
/// (no answer, refused, broken connection, unknown name), every later request to that host fails at once with the
/// first failure instead of waiting out its own timeouts and retries. A registry that accepts connections and never
/// answers then costs one request timeout per run, not one per image and attempt. A host that has not answered once
/// in this run is given up at its first timeout: no answer within the request timeout is no passing blip, and the
/// requests queued behind it would each wait the timeout again. Any answer, even an error status, closes the count
/// again. It never re-opens within a run: a run is minutes, a dead host stays dead.
/// </summary>
internal sealed class HostBreaker(string host, int threshold)
{
    private readonly Lock gate = new();
    private int consecutive;
    private RegistryFailure? first;
    private bool open;
    private bool answered;
    private string? openedBy;

    /// <summary>The failure every request to the host now ends with, or null while the host may be tried.</summary>
    public RegistryFailure? Tripped
    {
        get
        {
            lock (gate)
            {
                return open ? first! with
                {
                    Note = $"not tried again: {openedBy} to {host} failed this way",
                    Transient = false,
                } : null;
            }
        }
    }

    public void Answered()
    {
        lock (gate)
        {
            answered = true;
            consecutive = 0;
            first = open ? first : null;
        }
    }

    /// <param name="timedOut">The request got no answer within the request timeout.</param>
    public void Failed(RegistryFailure failure, bool timedOut)
    {
        if (failure.Kind != RegistryErrorKind.Unreachable)
        {
            return;
        }
        lock (gate)
        {
            first ??= failure;
            if (!open && (++consecutive >= threshold || (timedOut && !answered)))
            {
                open = true;
                openedBy = consecutive >= threshold ? $"{consecutive} requests in a row" : "a request";
            }
        }
    }
}
