using Tidemark.Registries;
using Tidemark.Resilience;
using Tidemark.IntegrationTests.Registries;
using Tidemark.Testing.Helm;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Charts;

/// <summary>
/// The Helm index client on a real HTTP(S) Helm repository that is busy (429, 503 with <c>Retry-After</c>) or served
/// with the operator's own CA: the registry's resilience policy and the operator's <c>registries:</c> settings apply.
/// </summary>
public sealed class HelmIndexResilienceTests : IAsyncLifetime
{
    private static readonly RemotePolicy Fast = RemotePolicy.Registry with { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private HelmRepositoryServer helm = null!;

    public async Task InitializeAsync() => helm = await HelmRepositoryServer.StartAsync([("redis", "18.1.0"), ("redis", "18.6.4")]);

    public async Task DisposeAsync() => await helm.DisposeAsync();

    [Theory]
    [InlineData(503, "0")]
    [InlineData(429, "0")]
    [InlineData(502, null)]
    public async Task VersionsAsync_BusyRepository_IsRetriedUntilItAnswers(int status, string? retryAfter)
    {
        helm.FailNext(2, status, retryAfter);
        using var client = HelmIndexClient.Create(policy: Fast);

        var versions = await client.VersionsAsync(helm.Url.ToString(), "redis", CancellationToken.None);

        Assert.Equal(["18.1.0", "18.6.4"], versions.Order(StringComparer.Ordinal));
        Assert.Equal(3, helm.RequestsFor("/charts/index.yaml"));
        Assert.Equal(1, client.Requests);
    }

    [Fact]
    public async Task VersionsAsync_RetryAfter_IsWaitedOut()
    {
        helm.FailNext(1, 503, "1");
        using var client = HelmIndexClient.Create(policy: Fast);
        var started = System.Diagnostics.Stopwatch.StartNew();

        await client.VersionsAsync(helm.Url.ToString(), "redis", CancellationToken.None);

        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {started.Elapsed}");
        Assert.Equal(2, helm.RequestsFor("/charts/index.yaml"));
    }

    [Fact]
    public async Task VersionsAsync_StillBusyAfterTheRetries_IsARateLimitFailure()
    {
        helm.FailNext(10, 429, "0");
        using var client = HelmIndexClient.Create(policy: Fast);

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(helm.Url.ToString(), "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.RateLimited, failure.Kind);
        Assert.Equal(1 + Fast.Retries, helm.RequestsFor("/charts/index.yaml"));
    }

    [Fact]
    public async Task VersionsAsync_NotImplemented_IsNotRetried()
    {
        helm.FailNext(1, 501);
        using var client = HelmIndexClient.Create(policy: Fast);

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.VersionsAsync(helm.Url.ToString(), "redis", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.ServerError, failure.Kind);
        Assert.Equal(1, helm.RequestsFor("/charts/index.yaml"));
    }

    [Fact]
    public async Task VersionsAsync_HttpsRepositoryWithTheOperatorsCaBundle_IsTrusted()
    {
        using var certificates = TestCertificates.Create();
        using var other = TestCertificates.Create("some-other-ca");
        await using var tls = await HelmRepositoryServer.StartAsync([("redis", "19.0.0")], certificates.Server);
        using var temp = new TempDirectory();
        var bundle = temp.Write("ca.pem", certificates.CaBundlePem);
        var wrong = temp.Write("other.pem", other.CaBundlePem);
        var host = tls.Url.Authority;
        using var trusting = HelmIndexClient.Create(settingsFor: h => new RegistrySettings(h, CaBundlePath: h == host ? bundle : null), policy: Fast);
        using var distrusting = HelmIndexClient.Create(settingsFor: h => new RegistrySettings(h, CaBundlePath: h == host ? wrong : null), policy: Fast);

        var versions = await trusting.VersionsAsync(tls.Url.ToString(), "redis", CancellationToken.None);
        var failure = await Assert.ThrowsAsync<RegistryException>(() => distrusting.VersionsAsync(tls.Url.ToString(), "redis", CancellationToken.None));

        Assert.Equal("https", tls.Url.Scheme);
        Assert.Equal(["19.0.0"], versions);
        Assert.Equal(RegistryErrorKind.Unreachable, failure.Kind);
        Assert.Equal(1, tls.RequestsFor("/charts/index.yaml"));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(null, 4)]
    public async Task VersionsAsync_ManyRepositoriesOnOneHost_StayWithinTheHostsLimit(int? hostConcurrency, int limit)
    {
        helm.Delay = TimeSpan.FromMilliseconds(500);
        helm.IndexUnderEveryFolder = true;
        var host = helm.Url.Authority;
        using var client = HelmIndexClient.Create(settingsFor: h => new RegistrySettings(h, Concurrency: h == host ? hostConcurrency : null), policy: Fast);
        var repositories = Enumerable.Range(1, 8).Select(i => $"{helm.Url}/repo{i}").ToList();

        var versions = await Task.WhenAll(repositories.Select(url => client.VersionsAsync(url, "redis", CancellationToken.None)));

        Assert.All(versions, v => Assert.Equal(["18.1.0", "18.6.4"], v.Order(StringComparer.Ordinal)));
        Assert.Equal(8, client.Requests);
        Assert.InRange(helm.MaxInFlight, 2, limit); // at most the limit, and more than one: the limit, not a queue of one
    }
}
