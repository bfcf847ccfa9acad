using System.Diagnostics;
using Tidemark.Registries;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Registries;

[Collection(AnonymousRegistryCollection.Name)]
public sealed class FaultTests(AnonymousRegistryFixture fixture)
{
    private RegistryRepository App => new(fixture.Proxy.Host, AnonymousRegistryFixture.AppRepository);

    [Fact]
    public async Task ListTagsAsync_TooManyRequestsWithRetryAfter_WaitsThenSucceeds()
    {
        fixture.Proxy.Reset();
        fixture.Proxy.InjectFaults(ProxyFault.TooManyRequests(retryAfterSeconds: 1));
        using var client = TestClients.Create();
        var clock = Stopwatch.StartNew();

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(4, listing.Tags.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(1, client.Counts.Retries);
        Assert.Equal(2, fixture.Proxy.Count(ProxyRequestKind.TagList));
    }

    public static TheoryData<string> TransientFaults => ["503", "reset", "truncated"];

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task ListTagsAsync_OneTransientFault_RetriesAndSucceeds(string fault)
    {
        fixture.Proxy.Reset();
        fixture.Proxy.InjectFaults(fault switch
        {
            "503" => ProxyFault.ServiceUnavailable(),
            "reset" => ProxyFault.ConnectionReset(),
            _ => ProxyFault.TruncatedJson(),
        });
        using var client = TestClients.Create();

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(["1.0.0", "1.1.0", "2.0.0", "latest"], listing.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(1, client.Counts.Retries);
        Assert.Equal(2, fixture.Proxy.Count(ProxyRequestKind.TagList));
    }

    [Fact]
    public async Task GetDigestAsync_OneServiceUnavailable_RetriesAndSucceeds()
    {
        fixture.Proxy.Reset();
        fixture.Proxy.InjectFaults(ProxyFault.ServiceUnavailable());
        using var client = TestClients.Create();

        var digest = await client.GetDigestAsync(App, "1.0.0", CancellationToken.None);

        Assert.Equal(fixture.AppDigests["1.0.0"], digest);
        Assert.Equal(2, client.Counts.ManifestHeads);
    }

    [Fact]
    public async Task ListTagsAsync_PersistentServiceUnavailable_FailsNamingRegistryRepositoryStatusAndBody()
    {
        fixture.Proxy.Reset();
        fixture.Proxy.InjectFaults(ProxyFault.ServiceUnavailable(), times: 4);
        using var client = TestClients.Create();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(App, CancellationToken.None));

        Assert.Equal(RegistryErrorKind.ServerError, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(
            $"listing tags of {fixture.Proxy.Host}/team/app failed: HTTP 503 Service Unavailable " +
            "(\"{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"injected by the test proxy\"}]}\") after 4 attempts — " +
            $"{fixture.Proxy.Host} is failing; try again later",
            error.Message);
        Assert.Equal(4, fixture.Proxy.Count(ProxyRequestKind.TagList));
        Assert.Equal(3, client.Counts.Retries);
    }

    [Fact]
    public async Task GetDigestAsync_TwelveConcurrentReads_StayWithinThePerHostLimit()
    {
        fixture.Proxy.Reset();
        fixture.Proxy.ResponseDelay = TimeSpan.FromMilliseconds(100);
        using var client = TestClients.Create(TestClients.FastOptions with { PerHostConcurrency = 2 });

        var digests = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.GetDigestAsync(App, i % 2 == 0 ? "1.0.0" : "2.0.0", CancellationToken.None)));
        fixture.Proxy.ResponseDelay = TimeSpan.Zero;

        Assert.Equal(fixture.AppDigests["1.0.0"], digests[0]);
        Assert.Equal(12, fixture.Proxy.Count(ProxyRequestKind.Manifest));
        Assert.Equal(2, fixture.Proxy.MaxInFlight);
    }
}
