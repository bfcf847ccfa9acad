using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tidemark.Testing.GitHub;

/// <summary>A JSON response with GitHub's content type, optional <c>Location</c>, and no body for 204.</summary>
internal sealed class JsonBody(int status, JsonNode? body, string? location) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        if (body is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
