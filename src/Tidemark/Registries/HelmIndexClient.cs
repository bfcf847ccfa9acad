using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Resilience;
using YamlDotNet.Core;
using Tidemark.Telemetry;

namespace Tidemark.Registries;

/// <summary>
/// The chart versions of an HTTP(S) Helm repository, e.g. <c>https://stefanprodan.github.io/podinfo</c>: one
/// <c>GET index.yaml</c> per repository per instance (one run), however many charts and HelmReleases use it, read
/// into one byte array and scanned for versions only (<see cref="HelmIndexParser"/>). Failures are <see cref="RegistryException"/>s with the same kinds as a
/// registry's, so a plan reports them the same way. Each host has its own connection, with the operator's settings for it
/// (<c>registries:</c> in <c>--config</c>): its CA bundle, and whether plain HTTP is allowed (<see cref="RegistryHost.AllowsPlainHttp"/>,
/// the registries' rule). Requests go through the registry's <see cref="RemotePolicy"/>: 429 and 500/502/503/504 are
/// retried with jitter after the server's <c>Retry-After</c>, per-attempt and total timeouts, a per-host circuit, and a
/// host's limit of requests in flight (as a registry host's).
/// Anonymous unless the repository's HelmRepository names a Secret that the operator lists for the host
/// (<see cref="HelmRepositorySecrets"/>, <see cref="RegistrySettings.HelmSecrets"/>): then
/// <c>Authorization: Basic</c> is sent over https:// (or plain HTTP to loopback) only, never in the URL, and dropped
/// by <see cref="RedirectGuard"/> on a redirect to another origin.
/// </summary>
internal sealed class HelmIndexClient : IDisposable
{
    /// <summary>The largest index read (Bitnami's full index was about 30 MB before it was trimmed).</summary>
    public const long MaxIndexBytes = 256L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>>> indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<HttpClient>> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> limiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationToken runCancellation;
    private readonly Func<string, RegistrySettings> settingsFor;
    private readonly Func<RegistrySettings, HttpMessageHandler> handlerFactory;
    private readonly HttpResilience resilience;
    private readonly long maxIndexBytes;
    private readonly HelmRepositorySecrets? secrets;
    private int requests;

    /// <param name="handlerFactory">The HTTP handler of one host, from its settings (<see cref="RegistryEndpoints.CreateDefaultHandler"/>: its CA bundle).</param>
    /// <param name="settingsFor">
    /// The operator's settings for a host (<c>host[:port]</c>); null: none (plain HTTP on loopback only, the system's CAs).
    /// A repository's own HelmRepository object must not choose plain HTTP or a CA: that is the operator's choice, as for registries.
    /// </param>
    /// <param name="maxIndexBytes">The largest body read (<see cref="MaxIndexBytes"/> unless a test sets less).</param>
    /// <param name="policy">Retries, timeouts and circuit (<see cref="RemotePolicy.Registry"/> unless a test sets a faster one).</param>
    /// <param name="secrets">The Basic credentials named by HelmRepositories' secretRefs; null: anonymous.</param>
    public HelmIndexClient(
        Func<RegistrySettings, HttpMessageHandler> handlerFactory,
        TimeProvider time,
        ILogger logger,
        CancellationToken runCancellation = default,
        Func<string, RegistrySettings>? settingsFor = null,
        long maxIndexBytes = MaxIndexBytes,
        RemotePolicy? policy = null,
        HelmRepositorySecrets? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.secrets = secrets;
        this.handlerFactory = handlerFactory;
        this.maxIndexBytes = maxIndexBytes;
        this.settingsFor = settingsFor ?? RegistrySettings.For;
        this.runCancellation = runCancellation;
        resilience = new HttpResilience(policy ?? RemotePolicy.Registry, time, new Random((int)time.GetTimestamp()), logger, (response, _) => ValueTask.FromResult(Judge(response, time)));
    }

    /// <summary>A client over the default handlers (5 s connect timeout, decompression, each host's CA bundle, redirects followed by <see cref="RedirectGuard"/>).</summary>
    public static HelmIndexClient Create(
        CancellationToken runCancellation = default,
        Func<string, RegistrySettings>? settingsFor = null,
        long maxIndexBytes = MaxIndexBytes,
        TimeProvider? time = null,
        ILogger? logger = null,
        RemotePolicy? policy = null,
        HelmRepositorySecrets? secrets = null) =>
        new(RegistryEndpoints.CreateDefaultHandler, time ?? TimeProvider.System, logger ?? NullLogger.Instance, runCancellation, settingsFor, maxIndexBytes, policy, secrets);

    /// <summary>
    /// What an index answer means for a retry: a rate limit (429) is waited out (its <c>Retry-After</c>, else the
    /// policy's backoff); 500/502/503/504 are retried and count against the host's circuit; other 5xx are final but
    /// count; anything else is the answer.
    /// </summary>
    internal static RetryAdvice Judge(HttpResponseMessage response, TimeProvider time)
    {
        var status = (int)response.StatusCode;
        return status switch
        {
            429 => new RetryAdvice(true, false, RetryAfterHeader.Of(response, time), "rate limited (429)"),
            500 or 502 or 503 or 504 => new RetryAdvice(true, true, RetryAfterHeader.Of(response, time), $"Helm repository answered {status}"),
            >= 500 => new RetryAdvice(false, true),
            _ => RetryAdvice.Final,
        };
    }

    /// <summary>The Secret whose credentials fetch <paramref name="repositoryUrl"/>'s index, as a path; null when anonymous.</summary>
    public string? CredentialScope(string repositoryUrl) =>
        secrets?.SecretFor(repositoryUrl) is { } reference ? "helm secret " + Path.Combine(secrets.SecretsDirectory, reference.Secret) : null;

    /// <summary>How many index requests were sent (one per repository per instance).</summary>
    public int Requests => requests;

    /// <summary>Whether <paramref name="registry"/> names an HTTP(S) Helm repository rather than an OCI registry host.</summary>
    public static bool IsHelmRepository(string registry) =>
        registry.StartsWith("https://", StringComparison.Ordinal) || registry.StartsWith("http://", StringComparison.Ordinal);

    /// <summary>The versions of <paramref name="chart"/> in the index of <paramref name="repositoryUrl"/>.</summary>
    public async Task<IReadOnlyList<string>> VersionsAsync(string repositoryUrl, string chart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repositoryUrl);
        var url = repositoryUrl.TrimEnd('/');
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !RegistryHost.AllowsPlainHttp(uri.Authority, settingsFor(uri.Authority)))
        {
            throw new RegistryException(RegistryErrorKind.InvalidResponse, settingsFor(uri.Authority).CaBundlePath is not null
                ? $"Helm repository {url}: the operator gives {uri.Authority} a CA bundle, so it is reached over https:// only; write the repository's URL with https://"
                : $"Helm repository {url}: plain HTTP is not used for {uri.Authority}; serve the repository over https://, or, as the operator, allow it with registries: [{{host: {uri.Authority}, insecure: true}}] in the --config file");
        }
        var index = indexes.GetOrAdd(url, key => new Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>>(() => FetchAsync(key, runCancellation)));
        var charts = await index.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return charts.TryGetValue(chart, out var versions)
            ? versions
            : throw new RegistryException(RegistryErrorKind.NotFound, $"Helm repository {url}: chart {chart} is not in its index.yaml");
    }

    /// <summary>
    /// One index fetch, within its host's limit of requests in flight: the host's <see cref="RegistrySettings.Concurrency"/>,
    /// else <see cref="RegistryClientOptions.DefaultPerHostConcurrency"/>, as for a registry host.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FetchAsync(string url, CancellationToken cancellationToken)
    {
        var index = new Uri(url + "/index.yaml");
        var limiter = limiters.GetOrAdd(index.Authority, host => settingsFor(host).Concurrency is > 0 and var n ? new SemaphoreSlim(n, n) : new SemaphoreSlim(RegistryClientOptions.DefaultPerHostConcurrency, RegistryClientOptions.DefaultPerHostConcurrency));
        await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await FetchNowAsync(url, index, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            limiter.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FetchNowAsync(string url, Uri index, CancellationToken cancellationToken)
    {
        var secret = secrets?.SecretFor(url);
        var credential = secret is null ? null : secrets!.Read(secret, index, url, settingsFor(index.Authority));
        Interlocked.Increment(ref requests);
        var http = clients.GetOrAdd(index.Authority, authority => new Lazy<HttpClient>(() => CreateClient(authority))).Value;
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, index);
            if (credential is not null)
            {
                request.Headers.Authorization = BasicAuthorization.For(credential);
            }
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException(RegistryErrorKind.Unreachable, $"Helm repository {url} could not be reached: {e.Message}", null, e);
        }
        catch (TimeoutException e)
        {
            throw new RegistryException(RegistryErrorKind.Unreachable, $"Helm repository {url} did not answer: {e.Message}", null, e);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            TidemarkMetrics.RegistryRequest(index.Authority, index.Authority, "helm_index", status);
            if (!response.IsSuccessStatusCode)
            {
                var kind = response.StatusCode switch
                {
                    HttpStatusCode.NotFound => RegistryErrorKind.NotFound,
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => RegistryErrorKind.Unauthorized,
                    HttpStatusCode.TooManyRequests => RegistryErrorKind.RateLimited,
                    _ when status >= 500 => RegistryErrorKind.ServerError,
                    _ => RegistryErrorKind.InvalidResponse,
                };
                var hint = kind != RegistryErrorKind.Unauthorized ? ""
                    : secret is null ? $"; the repository needs credentials: name a Secret with username and password in its HelmRepository's spec.secretRef, mount it under --secrets-dir, and list it in helmSecrets of the registries entry for host {index.Authority} in the operator's --config"
                    : $"; check username and password in Secret {secret.Secret} (the spec.secretRef of the HelmRepository at {secret.Place})";
                throw new RegistryException(kind, $"Helm repository {url}: GET index.yaml answered {status} {response.ReasonPhrase}{hint}", status);
            }
            try
            {
                var bytes = await ReadBoundedAsync(response.Content, url, status, cancellationToken).ConfigureAwait(false);
                return HelmIndexParser.Parse(bytes);
            }
            catch (YamlException e)
            {
                throw new RegistryException(RegistryErrorKind.InvalidResponse, $"Helm repository {url}: index.yaml is not valid YAML ({e.Start}: {e.Message})", status, e);
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet's scanner throws this (not a YamlException) for some malformed flow collections
                throw new RegistryException(RegistryErrorKind.InvalidResponse, $"Helm repository {url}: index.yaml is not valid YAML ({e.Message})", status, e);
            }
            catch (IOException e)
            {
                throw new RegistryException(RegistryErrorKind.Unreachable, $"Helm repository {url}: reading index.yaml failed: {e.Message}", status, e);
            }
            catch (HttpRequestException e)
            {
                throw new RegistryException(RegistryErrorKind.Unreachable, $"Helm repository {url}: reading index.yaml failed: {e.Message}", status, e);
            }
        }
    }

    /// <summary>
    /// The body, read up to <see cref="maxIndexBytes"/> whatever Content-Length says or leaves out (a chunked answer has
    /// none): the read stops at the limit, it does not buffer first and check after.
    /// </summary>
    private async Task<byte[]> ReadBoundedAsync(HttpContent content, string url, int status, CancellationToken cancellationToken)
    {
        var announced = content.Headers.ContentLength;
        using var buffer = new MemoryStream(announced is > 0 and var n && n <= maxIndexBytes ? (int)n : 0);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxIndexBytes)
            {
                throw new RegistryException(RegistryErrorKind.InvalidResponse, $"Helm repository {url}: index.yaml is over the {maxIndexBytes}-byte limit", status);
            }
            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private HttpClient CreateClient(string authority)
    {
        var settings = settingsFor(authority) with { Host = authority };
        var http = new HttpClient(new RedirectGuard(resilience.Wrap(handlerFactory(settings))), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("tidemark");
        return http;
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
        foreach (var client in clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }
}
