namespace Tidemark.Resilience;

/// <summary>How long a remote asks to wait (<c>Retry-After</c> as seconds or as a date), never below zero; null when it does not say.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
            { Date: { } date } => date - time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
            _ => null,
        };
    }
}
