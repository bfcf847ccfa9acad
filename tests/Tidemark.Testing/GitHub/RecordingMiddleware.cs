using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>
/// Adds the headers every GitHub REST response carries (request id, rate limit, token scopes and expiry)
/// and records each REST exchange. Git smart HTTP and the hook callback are neither decorated nor recorded.
/// </summary>
internal sealed class RecordingMiddleware(SimulatorContext sim, RequestRecorder recorder)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(HookEndpoint.Prefix, StringComparison.Ordinal) || path.Contains(".git/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        AddHeaders(context);
        context.Request.EnableBuffering();
        var requestBody = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            if (sim.EchoHeadersWhen?.Invoke(context.Request.Method, StripBase(path)) == true)
            {
                await EchoHeadersAsync(context);
            }
            else
            {
                await next(context);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        var responseBody = await new StreamReader(buffer).ReadToEndAsync(context.RequestAborted);
        buffer.Position = 0;

        // recorded before the client can read the response, so a test that has its answer also has the exchange
        recorder.Add(new RecordedExchange(
            context.Request.Method,
            StripBase((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? ""),
            StripBase(path),
            context.Request.QueryString.Value ?? "",
            context.Response.StatusCode,
            responseBody,
            requestBody,
            context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>A 422 whose error message quotes every request header, and the credential in the forms a proxy's dump may show.</summary>
    private static async Task EchoHeadersAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var credential = authorization.Contains(' ', StringComparison.Ordinal) ? authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..] : authorization;
        string Basic(string user) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + credential));
        var headers = string.Join("; ", context.Request.Headers.Select(h => $"{h.Key}: {h.Value}"));
        var echo = $"upstream rejected the request {context.Request.Method} {context.Request.Path} with headers {headers}; "
            + $"as URL: {Uri.EscapeDataString(authorization)}; as Basic: {Basic("x-access-token")} and {Basic("tidemark-bot")}";
        context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await context.Response.WriteAsJsonAsync(new
        {
            message = "Validation Failed",
            errors = new[] { new { resource = "PullRequest", code = "custom", message = echo } },
            documentation_url = "https://docs.github.com/rest",
        }, context.RequestAborted);
    }

    private static string StripBase(string path)
    {
        var trimmed = path.StartsWith(Rest.ApiV3, StringComparison.Ordinal) ? path[Rest.ApiV3.Length..] : path;
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }

    private void AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        var (token, _) = sim.Access.Authenticate(context.Request.Headers.Authorization);
        var limit = token is null ? 60 : 5000;
        // GitHub's clock, which an App's JWT is judged by (clients measure their skew against it)
        headers.Date = sim.Time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        headers["X-GitHub-Request-Id"] = TokenValues.Random(8) + ":" + TokenValues.Random(6);
        headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        headers["X-GitHub-Api-Version-Selected"] = "2022-11-28";
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = (limit - 1).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = "1";
        headers["X-RateLimit-Reset"] = sim.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = "core";
        if (token is { Kind: TokenKind.Classic })
        {
            headers["X-OAuth-Scopes"] = string.Join(", ", token.Scopes);
            headers["X-Accepted-OAuth-Scopes"] = "repo";
        }

        if (token is { Kind: not TokenKind.Installation, ExpiresAt: { } expiry })
        {
            headers["GitHub-Authentication-Token-Expiration"] = expiry.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        }
    }
}
