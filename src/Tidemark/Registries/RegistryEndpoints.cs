using System.Collections.Concurrent;

namespace Tidemark.Registries;

/// <summary>Creates one <see cref="RegistryEndpoint"/> per registry host on first use and keeps it.</summary>
internal sealed class RegistryEndpoints(RegistryClientOptions options, Func<RegistrySettings, HttpMessageHandler>? handlerFactory) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RegistryEndpoint>> endpoints = new(StringComparer.OrdinalIgnoreCase);

    public RegistryEndpoint For(string registry) =>
        endpoints.GetOrAdd(RegistryHost.Canonical(registry), _ => new Lazy<RegistryEndpoint>(() => Create(registry))).Value;

    /// <summary>The default handler: pooled connections, a custom CA bundle when the registry has one.</summary>
    public static HttpMessageHandler CreateDefaultHandler(RegistrySettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false, // RedirectGuard follows them, keeping credentials to their origin
        };
        if (settings.CaBundlePath is { } bundle)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = CaBundle.CreateValidator(settings.Host, bundle);
        }

        return handler;
    }

    public void Dispose()
    {
        foreach (var endpoint in endpoints.Values.Where(e => e.IsValueCreated))
        {
            endpoint.Value.Dispose();
        }
    }

    private RegistryEndpoint Create(string registry)
    {
        var settings = options.SettingsFor(registry) with { Host = registry };
        var baseUri = settings.Endpoint ?? RegistryHost.BaseUri(registry, settings.Insecure, requireTls: settings.CaBundlePath is not null);
        var handler = new RedirectGuard((handlerFactory ?? CreateDefaultHandler)(settings));
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return new RegistryEndpoint(settings, baseUri, http, settings.Concurrency ?? options.PerHostConcurrency, options.BreakerThreshold);
    }
}
