using System.Net;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>
/// Sits in front of the simulator and lets a test change chosen answers (inject a 429, hide or add pull requests)
/// while everything else reaches the real server.
/// </summary>
internal sealed class RewritingHandler(Func<HttpRequestMessage, HttpResponseMessage, int, Task<HttpResponseMessage>> rewrite) : DelegatingHandler(new SocketsHttpHandler())
{
    private int count;

    /// <summary>Requests seen, with the status code the client finally received.</summary>
    public List<(HttpMethod Method, string Path, HttpStatusCode Status)> Seen { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var rewritten = await rewrite(request, response, Interlocked.Increment(ref count));
        lock (Seen)
        {
            Seen.Add((request.Method, request.RequestUri!.AbsolutePath, rewritten.StatusCode));
        }

        return rewritten;
    }
}
