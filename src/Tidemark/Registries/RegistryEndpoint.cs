namespace Tidemark.Registries;

/// <summary>One registry host: its settings, API base address, HTTP client and per-host request limit.</summary>
internal sealed class RegistryEndpoint(RegistrySettings settings, Uri baseUri, HttpClient http, int concurrency) : IDisposable
{
    public RegistrySettings Settings { get; } = settings;

    public Uri BaseUri { get; } = baseUri;

    public HttpClient Http { get; } = http;

    public SemaphoreSlim Limiter { get; } = new(concurrency, concurrency);

    public string Registry => Settings.Host;

    public void Dispose()
    {
        Limiter.Dispose();
        Http.Dispose();
    }
}
