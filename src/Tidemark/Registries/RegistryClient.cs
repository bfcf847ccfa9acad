using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tidemark.Credentials;
using Tidemark.Telemetry;

namespace Tidemark.Registries;

/// <summary>
/// An OCI distribution client (https://github.com/opencontainers/distribution-spec/blob/main/spec.md): lists tags
/// with <c>n</c>/<c>Link</c> pagination and reads manifest digests with <c>HEAD</c>, through the
/// <c>WWW-Authenticate</c> flow, a per-host request limit and retries. Thread-safe; one instance per run.
/// </summary>
internal sealed class RegistryClient : ITagSource, IDigestSource, IDisposable
{
    private static readonly string[] ManifestMediaTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    private readonly RegistryClientOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly RequestCounter counter = new();
    private readonly RegistryEndpoints endpoints;
    private readonly Authenticator authenticator;
    private readonly RetryLoop retry;

    /// <param name="handlerFactory">Creates the HTTP handler of a registry; null: <see cref="RegistryEndpoints.CreateDefaultHandler"/>.</param>
    /// <param name="redactor">
    /// Learns every credential as it is resolved and every bearer token as it is fetched, and redacts the failures this
    /// client throws; null: a redactor of this client's own (a command passes the process's one).
    /// </param>
    public RegistryClient(
        RegistryClientOptions options,
        ICredentialResolver credentials,
        TimeProvider timeProvider,
        ILogger logger,
        Random jitter,
        Func<RegistrySettings, HttpMessageHandler>? handlerFactory = null,
        ISecretRedactor? redactor = null)
    {
        options.Validate();
        redactor ??= new Redactor();
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
        endpoints = new RegistryEndpoints(options, handlerFactory);
        authenticator = new Authenticator(options, new RegisteringCredentialResolver(credentials, redactor), new TokenClient(options, timeProvider, counter, redactor), timeProvider, logger);
        retry = new RetryLoop(options, timeProvider, jitter, counter, logger, redactor);
    }

    /// <summary>The requests made so far, by kind.</summary>
    public RegistryRequestCounts Counts => counter.Snapshot();

    /// <summary>The operator's settings for <paramref name="host"/> (<c>registries:</c> in <c>--config</c>), for the Helm index client's hosts.</summary>
    public RegistrySettings SettingsFor(string host) => options.SettingsFor(host);

    /// <summary>The credential source a listing of <paramref name="repository"/> uses, as the authenticator picks it (its own, then its host's), described; null for Docker's config or none.</summary>
    public string? CredentialScope(RegistryRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return (options.SettingsFor(repository).Credentials ?? options.SettingsFor(repository.Registry).Credentials)?.Describe();
    }

    /// <summary>A client with the process's credential helper environment, a time-seeded jitter source and the process's redactor (null: its own).</summary>
    public static RegistryClient Create(RegistryClientOptions options, TimeProvider timeProvider, ILogger logger, ISecretRedactor? redactor = null)
    {
        var helpers = new CredentialHelperRunner(CredentialHelperOptions.FromProcessEnvironment(), timeProvider);
        var resolver = new CredentialResolver(helpers, Environment.GetEnvironmentVariable);
        return new RegistryClient(options, resolver, timeProvider, logger, new Random((int)timeProvider.GetTimestamp()), redactor: redactor);
    }

    public async Task<TagListing> ListTagsAsync(RegistryRepository repository, CancellationToken cancellationToken)
    {
        var operation = RegistryOperation.ListTags(repository);
        var endpoint = endpoints.For(repository.Registry);
        var next = new Uri(endpoint.BaseUri, $"v2/{EscapePath(repository.Repository)}/tags/list?n={options.PageSize}");
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var pages = 0;
        while (next is not null)
        {
            if (pages == options.MaxPages)
            {
                Log.PageCapReached(logger, repository.ToString(), options.MaxPages, tags.Count);
                warnings.Add($"listing tags of {repository} stopped at the page cap of {options.MaxPages} pages ({tags.Count} tags read); newer tags may be missing — raise the page cap to read them all");
                break;
            }

            var page = await retry.ExecuteAsync(operation, token => ReadPageAsync(endpoint, operation, next, token), cancellationToken).ConfigureAwait(false);
            pages++;
            tags.AddRange(page.Tags.Where(seen.Add));
            next = page.Next;
        }

        var (kept, excluded) = TagExclusion.FromExclusionList(options.SettingsFor(repository).ExclusionList).Apply(tags);
        Log.TagsListed(logger, repository.ToString(), kept.Count, pages, excluded);
        return new TagListing(repository, kept, excluded, warnings) { Credential = authenticator.ResolvedCredential(endpoint, repository)?.Identity };
    }

    public Task<string> GetDigestAsync(RegistryRepository repository, string tag, CancellationToken cancellationToken)
    {
        var operation = RegistryOperation.ReadDigest(repository, tag);
        var endpoint = endpoints.For(repository.Registry);
        var uri = new Uri(endpoint.BaseUri, $"v2/{EscapePath(repository.Repository)}/manifests/{Uri.EscapeDataString(tag)}");
        return retry.ExecuteAsync(operation, token => ReadDigestAsync(endpoint, operation, uri, token), cancellationToken);
    }

    public void Dispose()
    {
        endpoints.Dispose();
        authenticator.Dispose();
    }

    private async Task<TagPage> ReadPageAsync(RegistryEndpoint endpoint, RegistryOperation operation, Uri uri, CancellationToken cancellationToken)
    {
        var (response, body) = await SendAsync(endpoint, operation, HttpMethod.Get, uri, readBody: true, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var tags = ParseTags(body);
            var link = response.Headers.TryGetValues("Link", out var values) ? LinkHeader.FindNext(string.Join(", ", values)) : null;
            return new TagPage(tags, link is null ? null : NextPage(endpoint, uri, link));
        }
    }

    private async Task<string> ReadDigestAsync(RegistryEndpoint endpoint, RegistryOperation operation, Uri uri, CancellationToken cancellationToken)
    {
        var (response, _) = await SendAsync(endpoint, operation, HttpMethod.Head, uri, readBody: false, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } digest && digest.Contains(':', StringComparison.Ordinal))
            {
                return digest.Trim();
            }

            throw new RetryableFailureException(new RegistryFailure(RegistryErrorKind.InvalidResponse, (int)response.StatusCode,
                "the answer has no Docker-Content-Digest header", "the registry does not follow the distribution spec here; pin the digest by hand", Transient: false));
        }
    }

    /// <summary>
    /// One attempt: authorize, send, answer a 401 challenge once, and fail on a bad status. The host's slot is
    /// held for the whole attempt, so requests queued behind the first ones authorize with the challenge those
    /// learnt instead of each being refused once (one listing request per repository, not two).
    /// </summary>
    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(
        RegistryEndpoint endpoint, RegistryOperation operation, HttpMethod method, Uri uri, bool readBody, CancellationToken cancellationToken)
    {
        await endpoint.Limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (endpoint.Breaker.Tripped is { } tripped)
            {
                throw new RetryableFailureException(tripped);
            }
            if (options.HostDeadline is { } deadline && timeProvider.GetElapsedTime(endpoint.FirstRequest(timeProvider)) > deadline)
            {
                throw new RetryableFailureException(new RegistryFailure(RegistryErrorKind.Unreachable, null,
                    $"this command has spent more than {deadline.TotalMinutes:0.#} min on {endpoint.Registry}; not tried again",
                    "the registry is too slow to finish; try again later", Transient: false));
            }
            return await SendAuthorizedAsync(endpoint, operation, method, uri, readBody, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            endpoint.Limiter.Release();
        }
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendAuthorizedAsync(
        RegistryEndpoint endpoint, RegistryOperation operation, HttpMethod method, Uri uri, bool readBody, CancellationToken cancellationToken)
    {
        var authorization = await authenticator.AuthorizeAsync(endpoint, operation, cancellationToken).ConfigureAwait(false);
        var (response, body) = await SendOnceAsync(endpoint, operation, method, uri, authorization, readBody, cancellationToken).ConfigureAwait(false);
        // At most two challenge rounds: the first learns the challenge, the second replaces a token refused as invalid.
        for (var round = 0; round < 2 && response.StatusCode == HttpStatusCode.Unauthorized; round++)
        {
            if (response.RequestMessage?.RequestUri is { } answered && !RedirectGuard.SameOrigin(answered, uri))
            {
                break; // a redirect led to another host: its challenge is never answered with this host's credential
            }

            var next = await authenticator.OnUnauthorizedAsync(endpoint, operation, response, authorization, cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                break;
            }

            response.Dispose();
            authorization = next;
            (response, body) = await SendOnceAsync(endpoint, operation, method, uri, next, readBody, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw new RetryableFailureException(FailureClassifier.FromStatus(response, body, endpoint.Registry, timeProvider));
            }
        }

        return (response, body);
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendOnceAsync(RegistryEndpoint endpoint, RegistryOperation operation,
        HttpMethod method, Uri uri, AuthenticationHeaderValue? authorization, bool readBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = authorization;
        if (operation.Kind == RequestKind.ManifestHead)
        {
            foreach (var mediaType in ManifestMediaTypes)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
            }
        }

        using var timeout = new CancellationTokenSource(options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            counter.Count(operation.Kind);
            var response = await endpoint.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            endpoint.Breaker.Answered();
            TidemarkMetrics.RegistryRequest(endpoint.Registry, uri.Authority, operation.Kind == RequestKind.ManifestHead ? "manifest" : "tags", (int)response.StatusCode);
            var body = readBody || !response.IsSuccessStatusCode
                ? await ReadBodyAsync(response, linked.Token).ConfigureAwait(false)
                : "";
            return (response, body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            var failure = FailureClassifier.FromException(e, timeout.IsCancellationRequested, options.RequestTimeout);
            endpoint.Breaker.Failed(failure, timeout.IsCancellationRequested);
            throw new RetryableFailureException(failure);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static List<string> ParseTags(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("tags", out var tags) || tags.ValueKind == JsonValueKind.Null)
            {
                return []; // a repository without tags answers "tags": null
            }

            return [.. tags.EnumerateArray().Select(t => t.GetString()).OfType<string>()];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new RetryableFailureException(FailureClassifier.FromException(e is JsonException json ? json : new JsonException(e.Message, e), timedOut: false, TimeSpan.Zero));
        }
    }

    private static Uri NextPage(RegistryEndpoint endpoint, Uri current, string link)
    {
        var next = new Uri(current, link);
        if (Uri.Compare(next, endpoint.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            // Following it would send the registry's Authorization to another host.
            throw new RetryableFailureException(new RegistryFailure(RegistryErrorKind.InvalidResponse, 200,
                $"the next-page Link points to another host ({next.GetLeftPart(UriPartial.Authority)})", "report this registry's pagination to its operator", Transient: false));
        }

        return next;
    }

    private static string EscapePath(string repository) =>
        string.Join('/', repository.Split('/').Select(Uri.EscapeDataString));
}
