using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Raw REST probes for <c>tidemark doctor</c>: one request, no retries, and the whole answer kept — status, the
/// diagnostic headers Octokit hides (<c>X-OAuth-Scopes</c>, <c>X-Accepted-GitHub-Permissions</c>, <c>X-GitHub-SSO</c>,
/// <c>GitHub-Authentication-Token-Expiration</c>, <c>Date</c>) and the JSON body. The token travels only in the
/// <c>Authorization</c> header; a null token sends the request anonymously.
/// <code>
/// using var probe = new GitHubProbe(new Uri("https://api.github.com/"), token);
/// var rate = await probe.GetAsync("rate_limit", ct);   // rate.Status == 401: bad credentials
/// </code>
/// </summary>
internal sealed class GitHubProbe : IDisposable
{
    private readonly HttpClient http;
    private readonly string? token;

    public GitHubProbe(Uri apiBase, string? token, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        var root = apiBase.AbsoluteUri.EndsWith('/') ? apiBase : new Uri(apiBase.AbsoluteUri + "/");
        http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
        this.token = token;
        ApiBase = root;
    }

    public Uri ApiBase { get; }

    /// <summary>Writes sent so far (the doctor's write probes only).</summary>
    public int WriteCount { get; private set; }

    public Task<ProbeResponse> GetAsync(string path, CancellationToken cancellationToken, bool anonymous = false) =>
        SendAsync(HttpMethod.Get, path, null, anonymous, cancellationToken);

    public Task<ProbeResponse> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, false, cancellationToken);

    public Task<ProbeResponse> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, false, cancellationToken);

    private async Task<ProbeResponse> SendAsync(HttpMethod method, string path, JsonObject? body, bool anonymous, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.UserAgent.ParseAdd("tidemark");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", GitHubWireHandler.ApiVersion);
        if (!anonymous && !string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (method != HttpMethod.Get)
        {
            WriteCount++;
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new ProbeResponse((int)response.StatusCode, Headers(response), Parse(text), null);
        }
        catch (HttpRequestException e)
        {
            return new ProbeResponse(0, new Dictionary<string, string>(), null, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResponse(0, new Dictionary<string, string>(), null, "no answer within 30 seconds");
        }
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => http.Dispose();
}
