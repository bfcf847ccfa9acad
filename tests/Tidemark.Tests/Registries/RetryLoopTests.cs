using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Registries;

namespace Tidemark.Tests.Registries;

public sealed class RetryLoopTests
{
    private static readonly RegistryClientOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
        MaxRetryAfter = TimeSpan.FromSeconds(60),
    };

    [Theory]
    [InlineData(1, 500, 1500)]
    [InlineData(2, 1000, 3000)]
    [InlineData(3, 2000, 5000)] // 4 s x jitter, capped at 5 s
    [InlineData(10, 5000, 5000)]
    public void Delay_WithoutRetryAfter_IsExponentialWithJitterAndCapped(int attempt, int minMs, int maxMs)
    {
        var loop = new RetryLoop(Options, new FakeTimeProvider(), new Random(7), new RequestCounter(), NullLogger.Instance, new Tidemark.Credentials.Redactor());

        var delay = loop.Delay(Failure(retryAfter: null), attempt);

        Assert.InRange(delay.TotalMilliseconds, minMs, maxMs);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(600, 60)]
    [InlineData(-5, 0)]
    public void Delay_WithRetryAfter_HonoursItUpToTheCap(int retryAfterSeconds, int expectedSeconds)
    {
        var loop = new RetryLoop(Options, new FakeTimeProvider(), new Random(7), new RequestCounter(), NullLogger.Instance, new Tidemark.Credentials.Redactor());

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), loop.Delay(Failure(TimeSpan.FromSeconds(retryAfterSeconds)), 1));
    }

    [Fact]
    public async Task ExecuteAsync_TransientThenSuccess_WaitsOnTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        var counter = new RequestCounter();
        var loop = new RetryLoop(Options, time, new Random(7), counter, NullLogger.Instance, new Tidemark.Credentials.Redactor());
        var attempts = 0;

        var task = loop.ExecuteAsync(Operation, _ => ++attempts == 1 ? throw new RetryableFailureException(Failure(TimeSpan.FromSeconds(2))) : Task.FromResult("ok"), CancellationToken.None);
        Assert.False(task.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("ok", await task);
        Assert.Equal(1, counter.Snapshot().Retries);
    }

    [Fact]
    public async Task ExecuteAsync_NotTransient_FailsAtOnceWithoutAttemptCount()
    {
        var loop = new RetryLoop(Options, new FakeTimeProvider(), new Random(7), new RequestCounter(), NullLogger.Instance, new Tidemark.Credentials.Redactor());
        var failure = Failure(null) with { Kind = RegistryErrorKind.Unauthorized, Transient = false, Why = "HTTP 401 Unauthorized (\"x\")", Fix = "check the credentials" };

        var error = await Assert.ThrowsAsync<RegistryException>(() => loop.ExecuteAsync<string>(Operation, _ => throw new RetryableFailureException(failure), CancellationToken.None));

        Assert.Equal("listing tags of quay.io/a/b failed: HTTP 401 Unauthorized (\"x\") — check the credentials", error.Message);
    }

    private static RegistryOperation Operation => RegistryOperation.ListTags(new RegistryRepository("quay.io", "a/b"));

    private static RegistryFailure Failure(TimeSpan? retryAfter) =>
        new(RegistryErrorKind.ServerError, 503, "HTTP 503", "try later", Transient: true, retryAfter);
}
