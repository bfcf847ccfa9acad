using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>
/// A GitHub API that accepts connections and never answers costs one request timeout per command: it once took
/// 14 minutes (100 s per request, 3 retries, twice).
/// </summary>
public sealed class GitHubBlackHoleTests : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> held = [];
    private readonly CancellationTokenSource stop = new();
    private int accepted;

    public GitHubBlackHoleTests()
    {
        listener.Start();
        _ = AcceptForeverAsync();
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (held)
        {
            held.ForEach(s => s.Dispose());
        }
        stop.Dispose();
    }

    [Fact]
    public async Task Calls_ApiThatNeverAnswers_FailAfterOneTimeoutAndTheNextCallsAtOnce()
    {
        var api = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        using var forge = new GitHubForge(new GitHubForgeOptions(api, "acme", "gitops") { RequestTimeout = TimeSpan.FromMilliseconds(500) },
            _ => ValueTask.FromResult("x"), TimeProvider.System, NullLogger.Instance);

        var first = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));
        var second = await Assert.ThrowsAsync<ForgeException>(() => forge.FindOpenPullRequestAsync("flux-image-updates", "main", CancellationToken.None));

        Assert.Equal(ForgeErrorKind.Unavailable, first.Kind);
        Assert.Contains("no answer within 0.5 s", first.Message, StringComparison.Ordinal);
        Assert.Same(first, second);
        Assert.Equal(1, Volatile.Read(ref accepted)); // no retry, and no request for the second call
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                lock (held)
                {
                    held.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // the test is over
        }
    }
}
