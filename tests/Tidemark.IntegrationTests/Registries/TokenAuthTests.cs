using Microsoft.Extensions.Time.Testing;
using Tidemark.Registries;

namespace Tidemark.IntegrationTests.Registries;

[Collection(TokenRegistryCollection.Name)]
public sealed class TokenAuthTests(TokenRegistryFixture fixture)
{
    private RegistryRepository App => new(fixture.Registry.Host, TokenRegistryFixture.Repository);

    private RegistryClientOptions WithCredentials => TestClients.WithCredentials(fixture.Registry.Host, new EnvironmentCredentialSource("U", "P"));

    private static Dictionary<string, string> Environment => new() { ["U"] = TokenRegistryFixture.Username, ["P"] = TokenRegistryFixture.Password };

    [Fact]
    public async Task ListTagsAsync_Anonymous_IsDeniedByTheTokenService()
    {
        using var client = TestClients.Create();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(App, CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.Contains($"listing tags of {fixture.Registry.Host}/held/app failed: the token service {fixture.Issuer.Realm} answered HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Contains($"check the credentials for {fixture.Registry.Host}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTagsAsync_WithCredentials_ReturnsTags()
    {
        using var client = TestClients.Create(WithCredentials, environment: Environment);

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(TokenRegistryFixture.Tags, listing.Tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListTagsAsync_TwiceForOneScope_FetchesOneToken()
    {
        fixture.Issuer.ResetCount();
        using var client = TestClients.Create(WithCredentials, environment: Environment);

        await client.ListTagsAsync(App, CancellationToken.None);
        await client.ListTagsAsync(App, CancellationToken.None);
        await client.GetDigestAsync(App, "1.0.0", CancellationToken.None);

        Assert.Equal(1, fixture.Issuer.TokenRequests);
        Assert.Equal(1, client.Counts.TokenRequests);
        Assert.Equal(3, client.Counts.TagPages); // 401 + authorized page, then one authorized page
    }

    [Fact]
    public async Task ListTagsAsync_AfterTheTokenExpires_FetchesANewOne()
    {
        fixture.Issuer.ResetCount();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var client = TestClients.Create(WithCredentials, time, environment: Environment);

        await client.ListTagsAsync(App, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(299));
        await client.ListTagsAsync(App, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2)); // the issuer says expires_in 300
        await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(2, fixture.Issuer.TokenRequests);
    }

    [Fact]
    public async Task ListTagsAsync_RegistryRejectsTheTokenAsInvalid_FetchesANewOneAndSucceeds()
    {
        fixture.Issuer.ResetCount();
        fixture.Issuer.IssueInvalidTokens(1);
        using var client = TestClients.Create(WithCredentials, environment: Environment);

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(2, listing.Tags.Count);
        Assert.Equal(2, fixture.Issuer.TokenRequests);
    }

    [Fact]
    public async Task ListTagsAsync_TenRepositoriesConcurrently_FetchOneTokenPerScope()
    {
        fixture.Issuer.ResetCount();
        using var client = TestClients.Create(WithCredentials, environment: Environment);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.ListTagsAsync(App, CancellationToken.None)));

        Assert.Equal(1, fixture.Issuer.TokenRequests);
    }

    [Fact]
    public async Task ListTagsAsync_IdentityTokenInDockerConfig_ExchangesItWithTheRefreshTokenGrant()
    {
        fixture.Issuer.RefreshToken = "refresh-me-please";
        using var temp = new TempDirectory();
        var config = temp.Write("config.json", "{\"auths\":{\"" + fixture.Registry.Host + "\":{\"username\":\"00000000-0000-0000-0000-000000000000\",\"identitytoken\":\"refresh-me-please\"}}}");
        using var client = TestClients.Create(TestClients.WithCredentials(fixture.Registry.Host, new DockerConfigCredentialSource(config)));

        var listing = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(TokenRegistryFixture.Tags, listing.Tags.Order(StringComparer.Ordinal));
    }
}
