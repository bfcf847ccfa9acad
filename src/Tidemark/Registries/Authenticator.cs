using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Tidemark.Registries;

/// <summary>
/// The <c>WWW-Authenticate</c> flow. Remembers each registry's challenge so later requests authorize up front;
/// caches one bearer token per realm, service, scope and user until it expires or the registry answers
/// <c>401 invalid_token</c>; concurrent requests for one scope share one token request.
/// </summary>
internal sealed class Authenticator(
    RegistryClientOptions options,
    ICredentialResolver resolver,
    TokenClient tokens,
    TimeProvider timeProvider,
    ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, AuthChallenge> challenges = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, BearerToken> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, CredentialSource), Lazy<Task<RegistryCredential?>>> credentials = new();

    /// <summary>The Authorization for a request, from the registry's remembered challenge; null before the first 401.</summary>
    public Task<AuthenticationHeaderValue?> AuthorizeAsync(RegistryEndpoint endpoint, RegistryOperation operation, CancellationToken cancellationToken) =>
        challenges.TryGetValue(endpoint.Registry, out var challenge)
            ? AuthorizeAsync(endpoint, operation, challenge, cancellationToken)
            : Task.FromResult<AuthenticationHeaderValue?>(null);

    /// <summary>After a 401: the Authorization to try next, or null when another try cannot help.</summary>
    public async Task<AuthenticationHeaderValue?> OnUnauthorizedAsync(
        RegistryEndpoint endpoint, RegistryOperation operation, HttpResponseMessage response, AuthenticationHeaderValue? used, CancellationToken cancellationToken)
    {
        var challenge = Challenges(response).FirstOrDefault(c => c.IsBearer) ?? Challenges(response).FirstOrDefault(c => c.IsBasic);
        if (challenge is null)
        {
            return null;
        }

        challenges[endpoint.Registry] = challenge;

        // A refused Basic login, or a token refused for any reason but RFC 6750 invalid_token (expired or revoked
        // early), will not get better by asking again.
        if (used is not null && !(challenge.IsBearer && used.Scheme == "Bearer" && challenge.Error == "invalid_token"))
        {
            return null;
        }

        if (used is not null)
        {
            Log.TokenRejected(logger, endpoint.Registry, operation.Scope, challenge.Error ?? "");
            // Drop only the refused token: a concurrent request may already have put a fresh one in its place.
            var key = await CacheKeyAsync(endpoint, operation, challenge, cancellationToken).ConfigureAwait(false);
            if (cache.TryGetValue(key, out var refused) && refused.Value == used.Parameter)
            {
                cache.TryRemove(new KeyValuePair<string, BearerToken>(key, refused));
            }
        }

        return await AuthorizeAsync(endpoint, operation, challenge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The credential this client resolved for <paramref name="repository"/>'s registry, if a challenge made it resolve one; null: anonymous so far.</summary>
    public RegistryCredential? ResolvedCredential(RegistryEndpoint endpoint, RegistryRepository repository)
    {
        var source = options.SettingsFor(repository).Credentials ?? endpoint.Settings.Credentials ?? options.DefaultCredentials;
        return source is not null && credentials.TryGetValue((endpoint.Registry, source), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            ? lazy.Value.Result
            : null;
    }

    public void Dispose()
    {
        foreach (var gate in locks.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<AuthenticationHeaderValue?> AuthorizeAsync(
        RegistryEndpoint endpoint, RegistryOperation operation, AuthChallenge challenge, CancellationToken cancellationToken)
    {
        var credential = await CredentialAsync(endpoint, operation.Repository, cancellationToken).ConfigureAwait(false);
        if (challenge.IsBasic)
        {
            return credential is { IsIdentityToken: false } ? BasicAuthorization.For(credential) : null;
        }

        var token = await TokenAsync(endpoint, operation, challenge, credential, cancellationToken).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token.Value);
    }

    private async Task<BearerToken> TokenAsync(
        RegistryEndpoint endpoint, RegistryOperation operation, AuthChallenge challenge, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var key = Key(challenge, operation.Scope, credential);
        if (cache.TryGetValue(key, out var cached) && cached.IsValidAt(timeProvider.GetUtcNow()))
        {
            return cached;
        }

        var gate = locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cache.TryGetValue(key, out cached) && cached.IsValidAt(timeProvider.GetUtcNow()))
            {
                return cached; // another caller fetched it while this one waited
            }

            var token = await tokens.FetchAsync(endpoint, challenge, operation.Scope, credential, cancellationToken).ConfigureAwait(false);
            cache[key] = token;
            Log.TokenFetched(logger, endpoint.Registry, operation.Scope, credential is not null, (token.ExpiresAt - timeProvider.GetUtcNow()).TotalSeconds);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> CacheKeyAsync(RegistryEndpoint endpoint, RegistryOperation operation, AuthChallenge challenge, CancellationToken cancellationToken) =>
        Key(challenge, operation.Scope, await CredentialAsync(endpoint, operation.Repository, cancellationToken).ConfigureAwait(false));

    private static string Key(AuthChallenge challenge, string scope, RegistryCredential? credential) =>
        $"{challenge.Realm}|{challenge.Service}|{scope}|{credential?.Username ?? "(anonymous)"}";

    private Task<RegistryCredential?> CredentialAsync(RegistryEndpoint endpoint, RegistryRepository repository, CancellationToken cancellationToken)
    {
        var source = options.SettingsFor(repository).Credentials ?? endpoint.Settings.Credentials ?? options.DefaultCredentials;
        if (source is null)
        {
            return Task.FromResult<RegistryCredential?>(null);
        }

        // Resolve each source once per client: a helper runs once per registry per run, not per request.
        var lazy = credentials.GetOrAdd((endpoint.Registry, source),
            key => new Lazy<Task<RegistryCredential?>>(() => resolver.ResolveAsync(key.Item2, key.Item1, CancellationToken.None)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    private static IEnumerable<AuthChallenge> Challenges(HttpResponseMessage response) =>
        response.Headers.TryGetValues("WWW-Authenticate", out var values)
            ? values.SelectMany(AuthChallenge.Parse)
            : [];
}
