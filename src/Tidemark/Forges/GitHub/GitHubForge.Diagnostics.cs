using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// The diagnostics port (<see cref="IForgeDiagnostics"/>) over the same HTTP setup as the automation verbs: raw REST
/// probes that keep the whole answer — status, the diagnostic headers Octokit hides (<c>X-OAuth-Scopes</c>,
/// <c>X-Accepted-GitHub-Permissions</c>, <c>X-GitHub-SSO</c>, <c>GitHub-Authentication-Token-Expiration</c>, <c>Date</c>)
/// and the JSON body. No answer (after the policy's retries) is a <see cref="ProbeResponse"/> with status 0 that says why.
/// </summary>
internal sealed partial class GitHubForge
{
    private string Repo => $"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}";

    public Task<ProbeResponse> ReachAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, "", null, anonymous: true, cancellationToken);

    public Task<ProbeResponse> RateLimitAsync(CancellationToken cancellationToken) => GetAsync("rate_limit", cancellationToken);

    public Task<ProbeResponse> UserAsync(CancellationToken cancellationToken) => GetAsync("user", cancellationToken);

    public Task<ProbeResponse> RepositoryAsync(CancellationToken cancellationToken) => GetAsync(Repo, cancellationToken);

    public Task<ProbeResponse> BranchHeadAsync(string branch, CancellationToken cancellationToken) =>
        GetAsync($"{Repo}/git/ref/heads/{Uri.EscapeDataString(branch)}", cancellationToken);

    public Task<ProbeResponse> BranchAsync(string branch, CancellationToken cancellationToken) =>
        GetAsync($"{Repo}/branches/{Uri.EscapeDataString(branch)}", cancellationToken);

    public Task<ProbeResponse> BranchRulesAsync(string branch, CancellationToken cancellationToken) =>
        GetAsync($"{Repo}/rules/branches/{Uri.EscapeDataString(branch)}", cancellationToken);

    public Task<ProbeResponse> OpenPullRequestsAsync(string head, CancellationToken cancellationToken) =>
        GetAsync($"{Repo}/pulls?head={Uri.EscapeDataString(head)}&state=open&per_page=1", cancellationToken);

    public Task<ProbeResponse> WriteProbeAsync(JsonObject pullRequest, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{Repo}/pulls", pullRequest, anonymous: false, cancellationToken);

    private Task<ProbeResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, anonymous: false, cancellationToken);

    private async Task<ProbeResponse> SendAsync(HttpMethod method, string path, JsonObject? body, bool anonymous, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        if (anonymous)
        {
            GitHubHttp.SendAnonymously(request);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new ProbeResponse((int)response.StatusCode, Headers(response), Parse(text), null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            return new ProbeResponse(0, new Dictionary<string, string>(), null, e.Message);
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
}
