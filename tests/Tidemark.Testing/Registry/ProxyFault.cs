namespace Tidemark.Testing.Registry;

/// <summary>A scripted fault; <see cref="RetryAfter"/> is sent as Retry-After (seconds) when set.</summary>
public sealed record ProxyFault(ProxyFaultKind Kind, int? RetryAfter = null)
{
    public static ProxyFault TooManyRequests(int retryAfterSeconds) => new(ProxyFaultKind.TooManyRequests, retryAfterSeconds);

    public static ProxyFault ServiceUnavailable() => new(ProxyFaultKind.ServiceUnavailable);

    public static ProxyFault ConnectionReset() => new(ProxyFaultKind.ConnectionReset);

    public static ProxyFault TruncatedJson() => new(ProxyFaultKind.TruncatedJson);
}
