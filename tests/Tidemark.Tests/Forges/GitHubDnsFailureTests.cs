using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;

namespace Tidemark.Tests.Forges;

/// <summary>A GitHub API host that does not resolve is said at once, naming the host, not retried as "usually transient".</summary>
public sealed class GitHubDnsFailureTests
{
    [Fact]
    public async Task GetRepositoryAsync_ApiHostNotFound_FailsAtOnceNamingTheHost()
    {
        var lookups = 0;
        // The resolver's answer, at the wire: the socket layer reports the host as not found.
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, _) =>
            {
                Interlocked.Increment(ref lookups);
                throw new SocketException((int)SocketError.HostNotFound);
            },
        };
        using var forge = new GitHubForge(new GitHubForgeOptions(new Uri("https://ghe.invalid/api/v3/"), "acme", "gitops"), _ => ValueTask.FromResult("x"), TimeProvider.System, NullLogger.Instance, handler);

        var error = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));

        Assert.Contains("the GitHub API host ghe.invalid was not found (DNS)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("usually transient", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, lookups);
    }
}
