using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Tidemark.Resilience;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// The one HTTP setup every GitHub call goes through — Octokit's (<see cref="GitHubForge"/>), the diagnostics' raw REST
/// probes and the App token service's (<see cref="Credentials.GitHubApp.AppApi"/>): the API base (normalised by
/// <see cref="ApiBase"/>), <c>User-Agent: tidemark</c>, <c>X-GitHub-Api-Version</c>, the <c>Authorization</c> header
/// from the token provider delegate, read for every attempt (a rotated token is used at once; a null token sends the
/// request anonymously), and one resilience pipeline (<see cref="HttpResilience"/> with <paramref name="policy"/>).
/// Chain: resilience → auth → wire (headers, write count, log) → <paramref name="inner"/> (a socket handler by default).
/// The token lives only in the header of the request being sent: never in a URL, a log line or an exception.
/// </summary>
internal sealed class GitHubHttp : IDisposable
{
    private static readonly HttpRequestOptionsKey<bool> AnonymousKey = new("tidemark.anonymous");
    private static readonly HttpRequestOptionsKey<string> BearerKey = new("tidemark.bearer");
    private readonly GitHubWireHandler wire;

    public GitHubHttp(
        Uri apiBase,
        Func<CancellationToken, ValueTask<string?>> tokenProvider,
        RemotePolicy policy,
        TimeProvider time,
        Random jitter,
        ILogger logger,
        HttpMessageHandler? inner = null)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(policy);
        ApiBase = Forges.ApiBase.Normalize(apiBase);
        Policy = policy;
        wire = new GitHubWireHandler(inner ?? new SocketsHttpHandler(), logger);
        var resilience = new HttpResilience(policy, time, jitter, logger, (response, ct) => GitHubRetries.JudgeAsync(response, time, ct));
        Handler = resilience.Wrap(new AuthHandler(tokenProvider, wire));
        Client = new HttpClient(Handler, disposeHandler: false) { BaseAddress = ApiBase, Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri ApiBase { get; }

    public RemotePolicy Policy { get; }

    /// <summary>The whole chain, for a client that builds its own requests (Octokit).</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>A client over <see cref="Handler"/> with <see cref="ApiBase"/> as its base address.</summary>
    public HttpClient Client { get; }

    /// <summary>Writes (POST, PATCH, PUT, DELETE) sent so far, retries included.</summary>
    public int WriteCount => wire.WriteCount;

    /// <summary>Marks <paramref name="request"/> to go without the token (the anonymous reachability probe).</summary>
    public static void SendAnonymously(HttpRequestMessage request) => request.Options.Set(AnonymousKey, true);

    /// <summary>Makes <paramref name="request"/> carry <paramref name="bearer"/> instead of the provider's token (the App's JWT).</summary>
    public static void SendWith(HttpRequestMessage request, string bearer) => request.Options.Set(BearerKey, bearer);

    public void Dispose()
    {
        Client.Dispose();
        Handler.Dispose();
    }

    /// <summary>
    /// Sets <c>Authorization: Token TOKEN</c> from the provider on every attempt (<c>Bearer</c> for a request that carries
    /// its own credential, the App's JWT, which GitHub takes only that way); replaces whatever was there.
    /// </summary>
    private sealed class AuthHandler(Func<CancellationToken, ValueTask<string?>> tokenProvider, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = null;
            if (request.Options.TryGetValue(BearerKey, out var bearer))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }
            else if (!(request.Options.TryGetValue(AnonymousKey, out var anonymous) && anonymous)
                && await tokenProvider(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
