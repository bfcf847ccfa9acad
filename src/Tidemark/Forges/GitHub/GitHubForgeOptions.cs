using Tidemark.Resilience;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Where one repository lives on GitHub, e.g. <c>https://api.github.com/</c>, <c>acme</c>, <c>gitops</c>. For GitHub
/// Enterprise Server the base is <c>https://HOST/api/v3/</c>; any base is used as given (a missing final '/' is added).
/// </summary>
internal sealed record GitHubForgeOptions(Uri ApiBase, string Owner, string Repository)
{
    /// <summary>The longest single wait for a rate limit (Retry-After or the reset time) before giving up with RateLimited.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times one call is retried after a rate limit or a transient failure (5xx, no answer).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>How long one request may take. An API that has not answered once is given up at its first timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where retry jitter comes from; null: seeded from the clock (tests pass a seeded one).</summary>
    public Random? Jitter { get; init; }

    /// <summary>Failed requests in a row to the API host after which its circuit opens (later calls fail at once, saying so).</summary>
    public int BreakerThreshold { get; init; } = RemotePolicy.Forge.BreakerThreshold;

    public string FullName => $"{Owner}/{Repository}";

    /// <summary>The forge's <see cref="RemotePolicy"/> with these options' limits.</summary>
    public RemotePolicy Policy => RemotePolicy.Forge with
    {
        Retries = MaxRetries,
        MaxRetryAfter = MaxRateLimitWait,
        AttemptTimeout = RequestTimeout,
        BreakerThreshold = BreakerThreshold,
    };
}
