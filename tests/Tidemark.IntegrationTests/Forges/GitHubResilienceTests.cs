using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>
/// The forge's resilience policy against a real loopback server that fails on script: exponential retries with jitter,
/// a Retry-After honoured on a 5xx, only the transient 5xx retried, and a per-host circuit that opens after N failed
/// requests in a row and says so. Waits run on a fake clock that the test advances.
/// </summary>
public sealed class GitHubResilienceTests
{
    private const string Repository = """{"id":1,"name":"gitops","full_name":"acme/gitops","default_branch":"main","private":false,"archived":false,"permissions":{"admin":false,"maintain":false,"push":true,"triage":true,"pull":true}}""";

    [Fact]
    public async Task AnyCall_One503_RetriedAfterAnExponentialDelayWithJitter()
    {
        var waits = new List<TimeSpan>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            using var server = new FaultServer(FaultServer.Answer.Status(503), FaultServer.Answer.Json(200, Repository));
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
            using var forge = Forge(server, time, new GitHubForgeOptions(server.Uri, "acme", "gitops") { Jitter = new Random(seed) });

            var call = forge.GetRepositoryAsync(CancellationToken.None);
            await AdvanceUntilDoneAsync(time, call, TimeSpan.FromMilliseconds(50));

            Assert.Equal("acme/gitops", (await call).FullName);
            Assert.Equal(2, server.Requests);
            waits.Add(time.GetUtcNow() - time.Start);
        }

        // the first retry waits 1 s x (0.5 .. 1.5): never GitHub's old fixed 2 s, and not the same for every client
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromMilliseconds(450), TimeSpan.FromMilliseconds(1600)));
        Assert.True(waits.Distinct().Count() > 1, "the delays differ with the jitter: " + string.Join(", ", waits));
    }

    [Fact]
    public async Task AnyCall_503WithRetryAfter_WaitsWhatGitHubAsks()
    {
        using var server = new FaultServer(FaultServer.Answer.Status(503, ("Retry-After", "7")), FaultServer.Answer.Json(200, Repository));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        using var forge = Forge(server, time, new GitHubForgeOptions(server.Uri, "acme", "gitops"));

        var call = forge.GetRepositoryAsync(CancellationToken.None);
        await AdvanceUntilDoneAsync(time, call, TimeSpan.FromMilliseconds(250));

        Assert.Equal("acme/gitops", (await call).FullName);
        Assert.InRange(time.GetUtcNow() - time.Start, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.5));
    }

    [Theory]
    [InlineData(500, 2)]
    [InlineData(502, 2)]
    [InlineData(503, 2)]
    [InlineData(504, 2)]
    [InlineData(501, 1)]
    [InlineData(505, 1)]
    public async Task AnyCall_ServerError_OnlyTheTransientOnesRetried(int status, int requests)
    {
        using var server = new FaultServer(FaultServer.Answer.Status(status));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        using var forge = Forge(server, time, new GitHubForgeOptions(server.Uri, "acme", "gitops") { MaxRetries = 1 });

        var call = forge.GetRepositoryAsync(CancellationToken.None);
        await AdvanceUntilDoneAsync(time, call, TimeSpan.FromMilliseconds(250));

        var error = await Assert.ThrowsAsync<ForgeException>(() => call);
        Assert.Equal((ForgeErrorKind.Unavailable, status), (error.Kind, error.StatusCode));
        Assert.Equal(requests, server.Requests);
    }

    [Fact]
    public async Task Calls_HostFailingEveryTime_CircuitOpensAfterNFailuresAndTheErrorSaysSo()
    {
        using var server = new FaultServer(FaultServer.Answer.Status(503));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        using var forge = Forge(server, time, new GitHubForgeOptions(server.Uri, "acme", "gitops") { MaxRetries = 1, BreakerThreshold = 4 });

        for (var i = 0; i < 2; i++)
        {
            var call = forge.FindOpenPullRequestAsync("flux-image-updates", "main", CancellationToken.None);
            await AdvanceUntilDoneAsync(time, call, TimeSpan.FromMilliseconds(250));
            Assert.Equal(503, (await Assert.ThrowsAsync<ForgeException>(() => call)).StatusCode);
        }

        var open = await Assert.ThrowsAsync<ForgeException>(() => forge.GetRepositoryAsync(CancellationToken.None));

        Assert.Equal(4, server.Requests); // 2 calls x (1 + 1 retry); the third is not sent
        Assert.Equal(ForgeErrorKind.Unavailable, open.Kind);
        Assert.Contains($"the circuit for {server.Host} is open after 4 failed requests in a row (last: HTTP 503)", open.Message, StringComparison.Ordinal);
    }

    private static GitHubForge Forge(FaultServer server, TimeProvider time, GitHubForgeOptions options)
    {
        _ = server;
        return new GitHubForge(options, _ => ValueTask.FromResult("x"), time, NullLogger.Instance);
    }

    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider time, Task call, TimeSpan step)
    {
        for (var i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            await Task.Delay(10);
            if (!call.IsCompleted && time.GetUtcNow() - time.Start < TimeSpan.FromSeconds(60))
            {
                time.Advance(step);
            }
        }
    }
}
