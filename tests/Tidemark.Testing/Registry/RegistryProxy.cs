using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tidemark.Testing.Registry;

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of a <see cref="LocalRegistry"/> that (a) pages <c>tags/list</c> as quay.io and
/// ghcr.io do (sorted, <c>n</c> and <c>last</c>, a <c>Link: &lt;...&gt;; rel="next"</c> header), because the 2.8 registry
/// ignores <c>n</c>; (b) injects scripted faults into the next requests; (c) counts requests by path kind.
/// </summary>
public sealed class RegistryProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private readonly ConcurrentQueue<ProxyFault> faults = new();
    private readonly ConcurrentDictionary<ProxyRequestKind, int> counts = new();
    private int inFlight;
    private int maxInFlight;

    private RegistryProxy(WebApplication app, Uri upstreamUri)
    {
        this.app = app;
        upstream = new HttpClient { BaseAddress = upstreamUri };
    }

    /// <summary>The proxy as a registry host: <c>127.0.0.1:PORT</c>.</summary>
    public string Host { get; private set; } = "";

    /// <param name="certificate">When given, the proxy serves HTTPS with it (a registry behind TLS on loopback).</param>
    public static async Task<RegistryProxy> StartAsync(Uri upstream, X509Certificate2? certificate = null, CancellationToken cancellationToken = default)
    {
        var builder = LoopbackServer.CreateBuilder();
        if (certificate is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        }

        var app = builder.Build();
        var proxy = new RegistryProxy(app, upstream);
        app.Run(proxy.HandleAsync);
        var address = await LoopbackServer.StartAsync(app, cancellationToken);
        proxy.Host = address.Authority;
        return proxy;
    }

    /// <summary>The next requests (one fault each, in order) get these faults instead of a forwarded answer.</summary>
    public void InjectFaults(params ProxyFault[] scripted)
    {
        foreach (var fault in scripted)
        {
            faults.Enqueue(fault);
        }
    }

    public void InjectFaults(ProxyFault fault, int times) => InjectFaults(Enumerable.Repeat(fault, times).ToArray());

    public int Count(ProxyRequestKind kind) => counts.GetValueOrDefault(kind);

    /// <summary>Holds every answer this long, so concurrent requests overlap and per-host limits become visible.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>
    /// When true, a request that carries an Authorization header is refused (403) with an error body that echoes the
    /// header and, for Basic, the user name and password it decodes to — as a registry with a careless error page does.
    /// </summary>
    public bool EchoCredentials { get; set; }

    /// <summary>The most requests that were in flight at once since the last <see cref="Reset"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Clears the counts and any faults not yet used.</summary>
    public void Reset()
    {
        counts.Clear();
        faults.Clear();
        ResponseDelay = TimeSpan.Zero;
        Volatile.Write(ref maxInFlight, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var current = Interlocked.Increment(ref inFlight);
        try
        {
            UpdateMax(current);
            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay, context.RequestAborted);
            }

            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private void UpdateMax(int current)
    {
        var seen = Volatile.Read(ref maxInFlight);
        while (current > seen && Interlocked.CompareExchange(ref maxInFlight, current, seen) != seen)
        {
            seen = Volatile.Read(ref maxInFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        counts.AddOrUpdate(KindOf(path), 1, (_, n) => n + 1);
        if (faults.TryDequeue(out var fault))
        {
            await InjectAsync(context, fault);
            return;
        }

        if (EchoCredentials && context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            await EchoAsync(context, authorization);
            return;
        }

        if (KindOf(path) == ProxyRequestKind.TagList && HttpMethods.IsGet(context.Request.Method))
        {
            await PageTagsAsync(context, path);
            return;
        }

        await ForwardAsync(context);
    }

    private static async Task EchoAsync(HttpContext context, string authorization)
    {
        var said = $"access denied for Authorization: {authorization}";
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            said += $" (user {decoded[..colon]}, password {decoded[(colon + 1)..]}, as a form value {Uri.EscapeDataString(decoded[(colon + 1)..])})";
        }

        context.Response.StatusCode = 403;
        await context.Response.WriteAsJsonAsync(new { errors = new[] { new { code = "DENIED", message = said } } }, context.RequestAborted);
    }

    private async Task InjectAsync(HttpContext context, ProxyFault fault)
    {
        switch (fault.Kind)
        {
            case ProxyFaultKind.ConnectionReset:
                context.Abort();
                return;
            case ProxyFaultKind.TruncatedJson:
                var body = await upstream.GetStringAsync(context.Request.Path.Value!.TrimStart('/'), context.RequestAborted);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body[..(body.Length / 2)], context.RequestAborted);
                return;
            default:
                context.Response.StatusCode = fault.Kind == ProxyFaultKind.TooManyRequests ? 429 : 503;
                if (fault.RetryAfter is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var code = fault.Kind == ProxyFaultKind.TooManyRequests ? "TOOMANYREQUESTS" : "UNAVAILABLE";
                await context.Response.WriteAsJsonAsync(new { errors = new[] { new { code, message = "injected by the test proxy" } } }, context.RequestAborted);
                return;
        }
    }

    private async Task PageTagsAsync(HttpContext context, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        CopyRequestHeaders(context, request);
        using var response = await upstream.SendAsync(request, context.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            await CopyResponseAsync(context, response, body);
            return;
        }

        using var document = JsonDocument.Parse(body);
        var name = document.RootElement.GetProperty("name").GetString();
        var all = document.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToList()
            : [];
        var page = TagPager.Page(all, context.Request.Query["n"], context.Request.Query["last"]);
        if (page.NextLast is { } last)
        {
            context.Response.Headers.Link = $"<{path}?n={page.Tags.Count}&last={Uri.EscapeDataString(last)}>; rel=\"next\"";
        }

        await context.Response.WriteAsJsonAsync(new { name, tags = page.Tags }, context.RequestAborted);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var target = context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString;
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        CopyRequestHeaders(context, request);
        using var response = await upstream.SendAsync(request, context.RequestAborted);
        await CopyResponseAsync(context, response, await response.Content.ReadAsStringAsync(context.RequestAborted));
    }

    private static void CopyRequestHeaders(HttpContext context, HttpRequestMessage request)
    {
        foreach (var name in new[] { "Authorization", "Accept" })
        {
            if (context.Request.Headers.TryGetValue(name, out var values))
            {
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
    }

    private static async Task CopyResponseAsync(HttpContext context, HttpResponseMessage response, string body)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key is not ("Transfer-Encoding" or "Content-Length" or "Connection"))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    private static ProxyRequestKind KindOf(string path) => path switch
    {
        "/v2/" or "/v2" => ProxyRequestKind.Base,
        _ when path.EndsWith("/tags/list", StringComparison.Ordinal) => ProxyRequestKind.TagList,
        _ when path.Contains("/manifests/", StringComparison.Ordinal) => ProxyRequestKind.Manifest,
        _ => ProxyRequestKind.Other,
    };
}
