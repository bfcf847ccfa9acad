using Tidemark.Resilience;

namespace Tidemark.Tests.Registries;

/// <summary>One delay rule for every remote: exponential with jitter, a Retry-After honoured up to the kind's cap.</summary>
public sealed class RemotePolicyTests
{
    [Theory]
    [InlineData(0.0, 500)]
    [InlineData(0.5, 1000)]
    [InlineData(0.999, 1499)]
    public void Delay_FirstRetry_IsTheBaseTimesHalfToOneAndAHalf(double random, int expectedMs)
    {
        var delay = RemotePolicy.Forge.Delay(1, null, random);

        Assert.Equal(expectedMs, (int)delay!.Value.TotalMilliseconds);
    }

    [Fact]
    public void Delay_RetryAfterBeyondTheCap_TheForgeGivesUpTheRegistryWaitsTheCap()
    {
        var asked = TimeSpan.FromHours(1);

        Assert.Null(RemotePolicy.Forge.Delay(1, asked, 0.5));
        Assert.Equal(RemotePolicy.Registry.MaxRetryAfter, RemotePolicy.Registry.Delay(1, asked, 0.5));
    }
}
