using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Tidemark.Testing.Registry;

namespace Tidemark.Testing.Helm;

/// <summary>
/// An HTTP Helm repository: a folder of chart archives (<c>NAME-VERSION.tgz</c>) and the <c>index.yaml</c>
/// generated from them (<see cref="WriteIndex"/>, the way <c>helm repo index</c> does), served as static files by
/// Kestrel on 127.0.0.1 (over HTTPS with a test certificate when given one). Counts the requests per path, so a test
/// can check one index request per run; <see cref="FailNext"/> makes the next requests fail as a busy server's do.
/// </summary>
public sealed class HelmRepositoryServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> requests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> failures = new();

    private HelmRepositoryServer(WebApplication app, string folder)
    {
        this.app = app;
        Folder = folder;
    }

    /// <summary>The folder served, e.g. <c>/tmp/tidemark-helm-…</c>.</summary>
    public string Folder { get; }

    /// <summary>The repository URL, e.g. <c>http://127.0.0.1:41234/charts</c> (what a HelmRepository's <c>spec.url</c> holds).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>When set, every request without <c>Authorization: Basic base64(Username:Password)</c> answers 401 (as a password-protected repository does).</summary>
    public (string Username, string Password)? RequireBasic { get; set; }

    /// <summary>When set, a request that passes <see cref="RequireBasic"/> answers <c>302</c> to this URL plus its own path after <c>/charts</c> (a repository that moved).</summary>
    public Uri? RedirectTo { get; set; }

    /// <summary>When set, <c>/charts/NAME/index.yaml</c> answers the same index for any NAME: several repositories on one host.</summary>
    public bool IndexUnderEveryFolder { get; set; }

    /// <summary>How long each request waits before it is answered (a slow repository); zero by default.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The most requests the server was answering at one time.</summary>
    public int MaxInFlight => maxInFlight;

    private int inFlight;
    private int maxInFlight;

    /// <summary>How many requests were answered 401 for lacking the <see cref="RequireBasic"/> credentials.</summary>
    public int Refused => refused;

    private int refused;

    /// <summary>How many GETs a path (e.g. <c>/charts/index.yaml</c>) received.</summary>
    public int RequestsFor(string path) => requests.GetValueOrDefault(path);

    /// <summary>How many requests the server received, to any path.</summary>
    public int Requests => requests.Values.Sum();

    /// <summary>Serves a new folder holding one archive per (chart, version) and its generated index.</summary>
    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> (with <c>Retry-After: <paramref name="retryAfter"/></c> when given) instead of the file.</summary>
    public void FailNext(int count, int status, string? retryAfter = null)
    {
        for (var i = 0; i < count; i++)
        {
            failures.Enqueue((status, retryAfter));
        }
    }

    public static async Task<HelmRepositoryServer> StartAsync(IEnumerable<(string Chart, string Version)> charts, CancellationToken cancellationToken = default) =>
        await StartAsync(charts, null, cancellationToken);

    /// <param name="certificate">Serve over HTTPS with this certificate (its CA is what a client's CA bundle must hold); null: plain HTTP.</param>
    public static async Task<HelmRepositoryServer> StartAsync(IEnumerable<(string Chart, string Version)> charts, X509Certificate2? certificate, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("tidemark-helm-").FullName;
        foreach (var (chart, version) in charts)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{chart}-{version}.tgz"), HelmChartArchive.Build(chart, version), cancellationToken);
        }
        var builder = LoopbackServer.CreateBuilder();
        if (certificate is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        }
        var app = builder.Build();
        var server = new HelmRepositoryServer(app, folder);
        app.Run(server.ServeAsync);
        var address = await LoopbackServer.StartAsync(app, cancellationToken);
        server.Url = new Uri(address, "/charts");
        server.WriteIndex();
        return server;
    }

    /// <summary>(Re)writes <c>index.yaml</c> from the archives in the folder: every chart's versions, newest file first.</summary>
    public void WriteIndex()
    {
        var text = new StringBuilder("apiVersion: v1\nentries:\n");
        var archives = Directory.GetFiles(Folder, "*.tgz").Select(f => (File: f, Chart: HelmChartArchive.Read(File.ReadAllBytes(f))));
        foreach (var chart in archives.GroupBy(a => a.Chart.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {chart.Key}:\n");
            foreach (var (file, (name, version)) in chart.OrderByDescending(c => c.Chart.Version, StringComparer.Ordinal))
            {
                var digest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
                text.Append(CultureInfo.InvariantCulture, $"  - apiVersion: v2\n    appVersion: 1.0.0\n    created: \"2026-01-01T00:00:00Z\"\n    description: A test chart\n    digest: {digest}\n    name: {name}\n    type: application\n    urls:\n    - {Url}/{Path.GetFileName(file)}\n    version: {version}\n");
            }
        }
        text.Append("generated: \"2026-01-01T00:00:00Z\"\n");
        File.WriteAllText(Path.Combine(Folder, "index.yaml"), text.ToString());
    }

    private async Task ServeAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var seen = maxInFlight; now > seen && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen; seen = maxInFlight)
        {
        }
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (failures.TryDequeue(out var failure))
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is { } after)
            {
                context.Response.Headers.RetryAfter = after;
            }
            return;
        }
        if (RequireBasic is { } basic
            && context.Request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.Username}:{basic.Password}")))
        {
            Interlocked.Increment(ref refused);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"charts\"";
            return;
        }
        if (RedirectTo is { } moved)
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = moved.ToString().TrimEnd('/') + (path.StartsWith("/charts", StringComparison.Ordinal) ? path["/charts".Length..] : path);
            return;
        }
        var name = path.StartsWith("/charts/", StringComparison.Ordinal) ? path["/charts/".Length..] : "";
        if (IndexUnderEveryFolder && name.EndsWith("/index.yaml", StringComparison.Ordinal) && name.Count(c => c == '/') == 1)
        {
            name = "index.yaml";
        }
        var file = Path.Combine(Folder, name);
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal) || !File.Exists(file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = name.EndsWith(".yaml", StringComparison.Ordinal) ? "text/yaml" : "application/gzip";
        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
