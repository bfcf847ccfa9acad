using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tidemark.Testing.Registry;

namespace Tidemark.Testing;

/// <summary>One request a <see cref="RecordingListener"/> received: what a credential could have travelled in.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string Body);

/// <summary>
/// A loopback-only HTTP server that records every request it receives (method, path, Authorization header, body) and
/// answers with the given function (default: 404) — a server a hostile setting would send credentials to, or the
/// second host of a redirect.
/// </summary>
public sealed class RecordingListener : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private RecordingListener(WebApplication app) => this.app = app;

    /// <summary><c>http://127.0.0.1:PORT</c> (no trailing slash).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host => Address.Authority;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<RecordingListener> StartAsync(Func<HttpContext, Task>? answer = null)
    {
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var listener = new RecordingListener(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
            listener.requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, authorization, body));
            if (answer is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await answer(context);
        });
        var address = await LoopbackServer.StartAsync(app, CancellationToken.None);
        listener.Address = new Uri(address.GetLeftPart(UriPartial.Authority));
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
