using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>
/// A GitHub API that accepts connections and never answers costs one request timeout per command: it once took
/// 14 minutes (100 s per request, 3 retries, twice).
/// </summary>
public sealed class GitHubBlackHoleTests : IDisposable
{
    private readonly BlackHoleListener blackHole = new();

    public void Dispose() => blackHole.Dispose();

    [Fact]
    public async Task Calls_ApiThatNeverAnswers_FailAfterOneTimeoutAndTheNextCallsAtOnce()
    {
        var api = new Uri($"http://{blackHole.Host}/");
        using var forge = new GitHubForge(new GitHubForgeOptions(api, "acme", "gitops") { RequestTimeout = TimeSpan.FromMilliseconds(500) },
            _ => ValueTask.FromResult("x"), TimeProvider.System, NullLogger.Instance);

        var first = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));
        var second = await Assert.ThrowsAsync<ForgeException>(() => forge.FindOpenPullRequestAsync("flux-image-updates", "main", CancellationToken.None));

        Assert.Equal(ForgeErrorKind.Unavailable, first.Kind);
        Assert.Contains("no answer within 0.5 s", first.Message, StringComparison.Ordinal);
        Assert.Same(first, second);
        Assert.Equal(1, blackHole.Accepted); // no retry, and no request for the second call
    }
}
