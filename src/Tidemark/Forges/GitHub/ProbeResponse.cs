using System.Globalization;
using System.Text.Json.Nodes;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// One answer of a diagnostics probe (<see cref="IForgeDiagnostics"/>). <see cref="Status"/> 0 means no answer (<see cref="NetworkError"/> says why).
/// Example: (403, {X-Accepted-GitHub-Permissions: pull_requests=read}, {"message":"Resource not accessible by personal access token"}, null).
/// </summary>
internal sealed record ProbeResponse(int Status, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, string? NetworkError)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>GitHub's <c>message</c>, e.g. "Bad credentials"; empty when the body has none.</summary>
    public string Message => Body is JsonObject o && o["message"] is JsonValue v && v.TryGetValue<string>(out var m) ? m : "";

    public string? Header(string name) => ResponseHeaders.Get(Headers, name);

    public long? Number(string name) => ResponseHeaders.Number(Headers, name);

    /// <summary>The SAML SSO authorisation URL of <c>X-GitHub-SSO: required; url=…</c>, or null.</summary>
    public string? SsoUrl => ResponseHeaders.SsoUrl(Headers);

    public string? String(params string[] path) => Node(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool? Bool(params string[] path) => Node(path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public long? Long(params string[] path) => Node(path) is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    public JsonNode? Node(params string[] path)
    {
        var node = Body;
        foreach (var part in path)
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    /// <summary>"HTTP 403 Resource not accessible by personal access token" — for messages.</summary>
    public string Describe() => Status == 0
        ? "no answer: " + NetworkError
        : string.Create(CultureInfo.InvariantCulture, $"HTTP {Status}{(Message.Length > 0 ? " " + Message : "")}");
}
