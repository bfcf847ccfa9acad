namespace Tidemark.Registries;

/// <summary>One registry host: its settings, API base address, HTTP client and per-host request limit.</summary>
internal sealed class RegistryEndpoint(RegistrySettings settings, Uri baseUri, HttpClient http, int concurrency, int breakerThreshold = 3) : IDisposable
{
    public RegistrySettings Settings { get; } = settings;

    public Uri BaseUri { get; } = baseUri;

    public HttpClient Http { get; } = http;

    public SemaphoreSlim Limiter { get; } = new(concurrency, concurrency);

    public string Registry => Settings.Host;

    private long firstRequest;

    /// <summary>The time-provider timestamp of the first request to the host in this command (set once).</summary>
    public long FirstRequest(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetTimestamp();
        var seen = Interlocked.CompareExchange(ref firstRequest, now, 0);
        return seen == 0 ? now : seen;
    }

    /// <summary>Stops trying the host once it has failed to answer several times in a row.</summary>
    public HostBreaker Breaker { get; } = new(settings.Host, breakerThreshold);

    public void Dispose()
    {
        Limiter.Dispose();
        Http.Dispose();
    }
}
