using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Forges.GitHub;
using Tidemark.Resilience;

namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// The three REST calls a GitHub App needs, authenticated with its JWT: <c>GET /app</c>,
/// <c>GET /repos/{owner}/{repo}/installation</c> and <c>POST /app/installations/{id}/access_tokens</c>. Answers are
/// returned as they come (status, JSON body, <c>Date</c>); judging them is <see cref="AppTokenSource"/>'s job. The calls go
/// through the one GitHub HTTP setup (<see cref="GitHubHttp"/>) with the token service's <see cref="RemotePolicy"/>, built on the first call.
/// </summary>
internal sealed class AppApi(TokenTarget target)
{
    private readonly Lazy<GitHubHttp> http = new(() => new GitHubHttp(target.ApiBase, _ => ValueTask.FromResult<string?>(null), RemotePolicy.TokenService,
        TimeProvider.System, new Random(Environment.TickCount), NullLogger.Instance));

    public Task<AppAnswer> GetAppAsync(string jwt, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "app", jwt, null, cancellationToken);

    public Task<AppAnswer> FindInstallationAsync(string jwt, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"repos/{Uri.EscapeDataString(target.Owner)}/{Uri.EscapeDataString(target.Repository)}/installation", jwt, null, cancellationToken);

    /// <summary>Mints a token narrowed to the target repository and <paramref name="permissions"/>.</summary>
    public Task<AppAnswer> MintAsync(string jwt, long installationId, IReadOnlyDictionary<string, string> permissions, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["repositories"] = new JsonArray(target.Repository),
            ["permissions"] = new JsonObject([.. permissions.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
        };
        return SendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"app/installations/{installationId}/access_tokens"), jwt, body, cancellationToken);
    }

    private async Task<AppAnswer> SendAsync(HttpMethod method, string path, string jwt, JsonObject? body, CancellationToken cancellationToken)
    {
        var api = http.Value;
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        GitHubHttp.SendWith(request, jwt);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await api.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new AppAnswer((int)response.StatusCode, Parse(text), response.Headers.Date);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TokenSourceException($"GitHub API {api.ApiBase}", $"could not be reached to mint an App token ({e.Message})",
                "check --api-url (GitHub Enterprise Server: https://HOST/api/v3/), the network and proxy settings");
        }
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
