namespace Tidemark.Testing.GitHub;

/// <summary>One REST request and its response, as recorded by the simulator.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="RouteTemplate">The simulator's route, e.g. <c>/repos/{owner}/{repo}/pulls/{number}</c> (base path removed).</param>
/// <param name="Path">The request path with the base path removed, e.g. <c>/repos/acme/app/pulls/1</c>.</param>
/// <param name="Query">The query string including '?', or empty.</param>
/// <param name="Status">Response status code.</param>
/// <param name="ResponseBody">Response body text (JSON), empty for 204.</param>
/// <param name="RequestBody">Request body text, empty when none.</param>
public sealed record RecordedExchange(
    string Method,
    string RouteTemplate,
    string Path,
    string Query,
    int Status,
    string ResponseBody,
    string RequestBody,
    IReadOnlyDictionary<string, string> ResponseHeaders);
