using Tidemark.Registries;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Registries;

/// <summary>
/// A registry host that accepts connections and never answers: the run gives the host up after a few requests,
/// instead of waiting out every image's timeout and retries (8 images once took 241 s: 30 s × 4 attempts, 4 at a time).
/// </summary>
public sealed class BlackHoleTests : IDisposable
{
    private readonly BlackHoleListener blackHole = new();

    private string Host => blackHole.Host;

    public void Dispose() => blackHole.Dispose();

    [Fact]
    public async Task ListTagsAsync_HostThatRefusesConnections_IsGivenUpAfterThreeRequestsInARow()
    {
        blackHole.Close(); // the port now refuses connections
        using var client = TestClients.Create(TestClients.FastOptions with { PerHostConcurrency = 1 });
        var images = Enumerable.Range(1, 5).Select(i => new RegistryRepository(Host, $"team/app{i}")).ToList();

        foreach (var image in images)
        {
            await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(image, CancellationToken.None));
        }

        // Refused is retried (3 retries): the first image's 3 attempts open the breaker, then nothing is sent.
        Assert.Equal(3, client.Counts.TagPages);
    }

    [Fact]
    public async Task ListTagsAsync_HostThatNeverAnswers_IsGivenUpAtItsFirstTimeoutForEveryImage()
    {
        using var client = TestClients.Create(TestClients.FastOptions with { RequestTimeout = TimeSpan.FromMilliseconds(500) });
        var images = Enumerable.Range(1, 8).Select(i => new RegistryRepository(Host, $"team/app{i}")).ToList();

        var failures = await Task.WhenAll(images.Select(async image =>
            await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(image, CancellationToken.None))));

        Assert.All(failures, f => Assert.Equal(RegistryErrorKind.Unreachable, f.Kind));
        Assert.All(failures, f => Assert.Contains($"cannot reach registry {Host} (no answer within 0.5 s", f.Message, StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Message.Contains($"not tried again: a request to {Host} failed this way", StringComparison.Ordinal));
        // Without the breaker: 8 images × 4 attempts = 32 requests, 2 waves of timeouts and 3 retries each. With it:
        // the first wave (the per-host limit of 4), every other request ends at the first timeout.
        Assert.InRange(client.Counts.TagPages, 1, 4);
        Assert.InRange(blackHole.Accepted, 1, 4);
    }
}
