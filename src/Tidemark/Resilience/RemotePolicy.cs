namespace Tidemark.Resilience;

/// <summary>
/// The resilience rules of one kind of remote (<see cref="RemoteKind"/>): how often a transient failure is retried and
/// after how long (exponential from <see cref="BaseDelay"/> with 0.5x–1.5x jitter, capped at <see cref="MaxDelay"/>; a
/// <c>Retry-After</c> is honoured up to <see cref="MaxRetryAfter"/>, beyond it the failure is final), how long one attempt
/// and the whole call may take, and after how many failed requests in a row a host's circuit opens (for
/// <see cref="BreakDuration"/>). Built into pipelines by <see cref="HttpResilience"/> and the registry's <c>RetryLoop</c>.
/// </summary>
internal sealed record RemotePolicy
{
    public required RemoteKind Kind { get; init; }

    /// <summary>Retries after the first attempt (0: none).</summary>
    public int Retries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// True: a <c>Retry-After</c> beyond <see cref="MaxRetryAfter"/> makes the failure final (the forge: the caller is told
    /// when to retry); false: the wait is cut to <see cref="MaxRetryAfter"/> (the registry).
    /// </summary>
    public bool GiveUpBeyondMaxRetryAfter { get; init; }

    /// <summary>How long one request may take before it counts as "no answer".</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one call may take with all its retries and waits.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Failed requests in a row to one host after which its circuit opens and later calls fail at once.</summary>
    public int BreakerThreshold { get; init; } = 5;

    /// <summary>How long an open circuit stays open (then one trial request is let through).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The registry's rules: 3 retries from 500 ms, Retry-After up to 60 s, 30 s per request, 5 min per call.</summary>
    public static RemotePolicy Registry { get; } = new()
    {
        Kind = RemoteKind.Registry,
        BaseDelay = TimeSpan.FromMilliseconds(500),
        TotalTimeout = TimeSpan.FromMinutes(5),
        BreakerThreshold = 3,
    };

    /// <summary>The forge's rules: 3 retries from 1 s, a rate limit waited out up to 2 min, 30 s per request, 10 min per call.</summary>
    public static RemotePolicy Forge { get; } = new()
    {
        Kind = RemoteKind.Forge,
        MaxRetryAfter = TimeSpan.FromMinutes(2),
        GiveUpBeyondMaxRetryAfter = true,
    };

    /// <summary>The token service's rules: 2 retries from 1 s, 30 s per request, 2 min per call.</summary>
    public static RemotePolicy TokenService { get; } = new()
    {
        Kind = RemoteKind.TokenService,
        Retries = 2,
        TotalTimeout = TimeSpan.FromMinutes(2),
    };

    /// <summary>
    /// The wait before retry <paramref name="attempt"/> (1-based): the remote's own <paramref name="retryAfter"/> when it
    /// gave one (never below zero, at most <see cref="MaxRetryAfter"/>), else <see cref="BaseDelay"/> × 2^(attempt−1) ×
    /// (0.5 + <paramref name="random"/>), capped at <see cref="MaxDelay"/>. Null when the remote asks for longer than
    /// <see cref="MaxRetryAfter"/> and <see cref="GiveUpBeyondMaxRetryAfter"/>: not worth waiting.
    /// </summary>
    public TimeSpan? Delay(int attempt, TimeSpan? retryAfter, double random)
    {
        if (retryAfter is { } asked)
        {
            return asked > MaxRetryAfter ? (GiveUpBeyondMaxRetryAfter ? null : MaxRetryAfter) : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }

        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)) * (0.5 + random);
        var delay = TimeSpan.FromMilliseconds(exponential);
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
