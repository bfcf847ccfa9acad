using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>Plain HttpClient calls shaped like a GitHub client's.</summary>
internal static class RestCalls
{
    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("tidemark-tests");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = Request(method, path, token, body);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static async Task<string> MintInstallationTokenAsync(HttpClient http, SimApp app, long installationId, DateTimeOffset now, object? body = null)
    {
        using var request = Request(HttpMethod.Post, $"app/installations/{installationId}/access_tokens", null, body ?? new { });
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AppJwt.Create(app, now));
        using var response = await http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json.ToJsonString());
        return json["token"]!.GetValue<string>();
    }
}
