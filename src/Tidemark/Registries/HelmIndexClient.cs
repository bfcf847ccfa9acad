using System.Collections.Concurrent;
using System.Net;
using YamlDotNet.Core;
using Tidemark.Telemetry;

namespace Tidemark.Registries;

/// <summary>
/// The chart versions of an HTTP(S) Helm repository, e.g. <c>https://stefanprodan.github.io/podinfo</c>: one
/// <c>GET index.yaml</c> per repository per instance (one run), however many charts and HelmReleases use it, read
/// into one byte array and scanned for versions only (<see cref="HelmIndexParser"/>). Failures are <see cref="RegistryException"/>s with the same kinds as a
/// registry's, so a plan reports them the same way. Anonymous only: no credential is ever sent.
/// </summary>
internal sealed class HelmIndexClient : IDisposable
{
    /// <summary>The largest index read (Bitnami's full index was about 30 MB before it was trimmed).</summary>
    public const long MaxIndexBytes = 256L * 1024 * 1024;

    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>>> indexes = new(StringComparer.Ordinal);
    private readonly CancellationToken runCancellation;
    private readonly Func<string, bool> plainHttpAllowed;
    private readonly long maxIndexBytes;
    private int requests;

    /// <param name="plainHttpAllowed">
    /// Whether an <c>http://</c> repository on this host (<c>host[:port]</c>) may be fetched; null: loopback hosts only.
    /// A repository's own HelmRepository object must not choose plain HTTP: that is the operator's choice, as for registries.
    /// </param>
    /// <param name="maxIndexBytes">The largest body read (<see cref="MaxIndexBytes"/> unless a test sets less).</param>
    public HelmIndexClient(HttpMessageHandler handler, TimeSpan timeout, CancellationToken runCancellation = default, Func<string, bool>? plainHttpAllowed = null, long maxIndexBytes = MaxIndexBytes)
    {
        this.maxIndexBytes = maxIndexBytes;
        this.plainHttpAllowed = plainHttpAllowed ?? RegistryHost.IsLoopback;
        http = new HttpClient(new RedirectGuard(handler), disposeHandler: true) { Timeout = timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("tidemark");
        this.runCancellation = runCancellation;
    }

    /// <summary>A client over a default handler (5 s connect timeout, decompression, redirects followed by <see cref="RedirectGuard"/>).</summary>
    public static HelmIndexClient Create(CancellationToken runCancellation = default, Func<string, bool>? plainHttpAllowed = null, long maxIndexBytes = MaxIndexBytes) =>
        new(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
        }, TimeSpan.FromSeconds(60), runCancellation, plainHttpAllowed, maxIndexBytes);

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
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !plainHttpAllowed(uri.Authority))
        {
            throw new RegistryException(RegistryErrorKind.InvalidResponse,
                $"Helm repository {url}: plain HTTP is not used for {uri.Authority}; serve the repository over https://, or, as the operator, allow it with registries: [{{host: {uri.Authority}, insecure: true}}] in the --config file");
        }
        var index = indexes.GetOrAdd(url, key => new Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>>(() => FetchAsync(key, runCancellation)));
        var charts = await index.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return charts.TryGetValue(chart, out var versions)
            ? versions
            : throw new RegistryException(RegistryErrorKind.NotFound, $"Helm repository {url}: chart {chart} is not in its index.yaml");
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FetchAsync(string url, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(url + "/index.yaml"), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException(RegistryErrorKind.Unreachable, $"Helm repository {url} could not be reached: {e.Message}", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException(RegistryErrorKind.Unreachable, $"Helm repository {url} did not answer within {http.Timeout.TotalSeconds:0} s", null, e);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            TidemarkMetrics.RegistryRequest(new Uri(url).Authority, new Uri(url).Authority, "helm_index", status);
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
                throw new RegistryException(kind, $"Helm repository {url}: GET index.yaml answered {status} {response.ReasonPhrase}", status);
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

    public void Dispose() => http.Dispose();
}
