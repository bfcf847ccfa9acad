namespace Tidemark.Resilience;

/// <summary>
/// What a remote's answer means for the retry: <see cref="Retry"/> when another attempt may help (after the remote's own
/// <see cref="RetryAfter"/> when it named one), <see cref="Failure"/> when it counts against the host's circuit.
/// </summary>
internal readonly record struct RetryAdvice(bool Retry, bool Failure, TimeSpan? RetryAfter = null, string Reason = "")
{
    public static RetryAdvice Final { get; } = new(false, false);
}
