using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tidemark.Credentials;
using Tidemark.Telemetry;

namespace Tidemark.Registries;

/// <summary>
/// Fetches a bearer token from the realm of a <c>WWW-Authenticate: Bearer</c> challenge, per the distribution token
/// spec: <c>GET realm?service=S&amp;scope=repository:NAME:pull</c>, anonymous or with Basic credentials; an identity
/// token is exchanged with the OAuth2 <c>refresh_token</c> grant (POST). Each token answered (and a refresh token
/// the answer carries) is registered with the redactor before it is used.
/// </summary>
internal sealed class TokenClient(RegistryClientOptions options, TimeProvider timeProvider, RequestCounter counter, ISecretRedactor redactor)
{
    public async Task<BearerToken> FetchAsync(
        RegistryEndpoint endpoint, AuthChallenge challenge, string scope, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var realm = RealmOf(endpoint, challenge, credential);
        using var request = credential is { IsIdentityToken: true }
            ? RefreshTokenRequest(realm, challenge.Service, scope, credential)
            : TokenRequest(realm, challenge.Service, scope, credential);
        using var timeout = new CancellationTokenSource(options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        counter.Count(RequestKind.Token);
        try
        {
            using var response = await endpoint.Http.SendAsync(request, linked.Token).ConfigureAwait(false);
            TidemarkMetrics.RegistryRequest(endpoint.Registry, request.RequestUri?.Authority ?? endpoint.Registry, "token", (int)response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new RetryableFailureException(TokenFailure(FailureClassifier.FromStatus(response, body, endpoint.Registry, timeProvider), realm));
            }

            return Parse(body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException
            || (e is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            throw new RetryableFailureException(TokenFailure(FailureClassifier.FromException(e, timeout.IsCancellationRequested, options.RequestTimeout), realm));
        }
    }

    private static Uri RealmOf(RegistryEndpoint endpoint, AuthChallenge challenge, RegistryCredential? credential)
    {
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || realm.Scheme is not ("https" or "http"))
        {
            throw new RetryableFailureException(new RegistryFailure(RegistryErrorKind.InvalidResponse, 401,
                $"the registry's Bearer challenge has no usable realm (\"{Excerpt.Of(challenge.Realm)}\")", "the registry's auth setup is broken; report it to its operator", Transient: false));
        }

        // Never send a password over plain HTTP to anything but loopback or a registry the user marked insecure.
        if (credential is not null && realm.Scheme == "http" && !realm.IsLoopback && !endpoint.Settings.Insecure)
        {
            throw new RetryableFailureException(new RegistryFailure(RegistryErrorKind.Unauthorized, 401,
                $"the token realm {realm.GetLeftPart(UriPartial.Path)} is plain HTTP", "credentials are only sent over HTTPS; mark the registry insecure in tidemark.yaml if you trust the network", Transient: false));
        }

        return realm;
    }

    private static HttpRequestMessage TokenRequest(Uri realm, string? service, string scope, RegistryCredential? credential)
    {
        var query = new StringBuilder(realm.Query.TrimStart('?'));
        Append(query, "service", service);
        Append(query, "scope", scope);
        var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(realm) { Query = query.ToString() }.Uri);
        if (credential is not null)
        {
            request.Headers.Authorization = BasicAuthorization.For(credential);
        }

        return request;
    }

    private static HttpRequestMessage RefreshTokenRequest(Uri realm, string? service, string scope, RegistryCredential credential)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = credential.Secret,
            ["service"] = service ?? "",
            ["scope"] = scope,
            ["client_id"] = "tidemark",
        };
        return new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        query.Append(query.Length > 0 ? "&" : "").Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private BearerToken Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        foreach (var name in (string[])["token", "access_token", "refresh_token"])
        {
            if (Read(root, name) is { } secret)
            {
                TokenSecrets.Register(redactor, secret);
            }
        }

        var token = Read(root, "token") ?? Read(root, "access_token")
            ?? throw new JsonException("the token answer holds neither token nor access_token");
        var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : options.DefaultTokenLifetime;
        return new BearerToken(token, timeProvider.GetUtcNow() + lifetime);
    }

    private static string? Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static RegistryFailure TokenFailure(RegistryFailure failure, Uri realm) =>
        failure with
        {
            Why = failure.StatusCode is null
                ? $"token service {realm.GetLeftPart(UriPartial.Path)}: {failure.Why}"
                : $"the token service {realm.GetLeftPart(UriPartial.Path)} answered {failure.Why}",
        };
}
