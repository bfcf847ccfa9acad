using Tidemark.Registries;

namespace Tidemark.IntegrationTests.Registries;

[Collection(AnonymousRegistryCollection.Name)]
public sealed class AnonymousListingTests(AnonymousRegistryFixture fixture)
{
    [Fact]
    public async Task ListTagsAsync_AnonymousRegistry_ReturnsPushedTagsWithoutCosignTags()
    {
        using var client = TestClients.Create();
        var repository = new RegistryRepository(fixture.Registry.Host, AnonymousRegistryFixture.AppRepository);

        var listing = await client.ListTagsAsync(repository, CancellationToken.None);

        Assert.Equal(["1.0.0", "1.1.0", "2.0.0", "latest"], listing.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(2, listing.Excluded);
        Assert.Empty(listing.Warnings);
        Assert.Equal(repository, listing.Repository);
    }

    [Fact]
    public async Task ListTagsAsync_ExclusionListGiven_ReplacesTheDefault()
    {
        var repository = new RegistryRepository(fixture.Registry.Host, AnonymousRegistryFixture.AppRepository);
        var options = TestClients.FastOptions with
        {
            Repositories = new Dictionary<RegistryRepository, RepositorySettings> { [repository] = new(ExclusionList: ["^1\\.", "\\.att$"]) },
        };
        using var client = TestClients.Create(options);

        var listing = await client.ListTagsAsync(repository, CancellationToken.None);

        Assert.Equal(["2.0.0", "latest", AnonymousRegistryFixture.SignatureTag], listing.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(3, listing.Excluded);
    }

    [Fact]
    public async Task GetDigestAsync_PushedTag_EqualsTheManifestDigest()
    {
        using var client = TestClients.Create();
        var repository = new RegistryRepository(fixture.Registry.Host, AnonymousRegistryFixture.AppRepository);

        var first = await client.GetDigestAsync(repository, "1.1.0", CancellationToken.None);
        var second = await client.GetDigestAsync(repository, "2.0.0", CancellationToken.None);

        Assert.Equal(fixture.AppDigests["1.1.0"], first);
        Assert.Equal(fixture.AppDigests["2.0.0"], second);
        Assert.NotEqual(first, second);
        Assert.Equal(2, client.Counts.ManifestHeads);
    }

    [Fact]
    public async Task GetDigestAsync_MissingTag_FailsAsNotFound()
    {
        using var client = TestClients.Create();
        var repository = new RegistryRepository(fixture.Registry.Host, AnonymousRegistryFixture.AppRepository);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetDigestAsync(repository, "9.9.9", CancellationToken.None));

        Assert.Equal(RegistryErrorKind.NotFound, error.Kind);
        Assert.Contains($"reading the digest of {fixture.Registry.Host}/team/app:9.9.9 failed: HTTP 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTagsAsync_MissingRepository_FailsAsNotFoundNamingTheRepository()
    {
        using var client = TestClients.Create();
        var repository = new RegistryRepository(fixture.Registry.Host, "team/missing");

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(repository, CancellationToken.None));

        Assert.Equal(RegistryErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Contains($"listing tags of {fixture.Registry.Host}/team/missing failed: HTTP 404 Not Found (\"{{\"errors\":[{{\"code\":\"NAME_UNKNOWN\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTagsAsync_ClosedPort_SaysTheRegistryCannotBeReached()
    {
        var port = ClosedPort();
        using var client = TestClients.Create();
        var repository = new RegistryRepository($"127.0.0.1:{port}", "team/app");

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(repository, CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unreachable, error.Kind);
        Assert.StartsWith($"cannot reach registry 127.0.0.1:{port} (connection refused) while listing tags of 127.0.0.1:{port}/team/app", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("is the registry running and the address right?", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
