using Tidemark.Registries;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Registries;

[Collection(AnonymousRegistryCollection.Name)]
public sealed class CaBundleTests(AnonymousRegistryFixture fixture)
{
    [Fact]
    public async Task ListTagsAsync_RegistryWithCaBundle_TrustsTheChainOverHttps()
    {
        using var certificates = TestCertificates.Create();
        await using var tls = await RegistryProxy.StartAsync(fixture.Registry.BaseUri, certificates.Server);
        using var temp = new TempDirectory();
        var bundle = temp.Write("ca.pem", certificates.CaBundlePem);
        using var client = TestClients.Create(TestClients.FastOptions with { Registries = [new RegistrySettings(tls.Host, CaBundlePath: bundle)] });

        var listing = await client.ListTagsAsync(new RegistryRepository(tls.Host, AnonymousRegistryFixture.AppRepository), CancellationToken.None);

        Assert.Equal(4, listing.Tags.Count);
        Assert.Equal(1, tls.Count(ProxyRequestKind.TagList));
    }

    [Fact]
    public async Task ListTagsAsync_ChainNotInTheCaBundle_FailsAsATlsError()
    {
        using var certificates = TestCertificates.Create();
        using var other = TestCertificates.Create("some-other-ca");
        await using var tls = await RegistryProxy.StartAsync(fixture.Registry.BaseUri, certificates.Server);
        using var temp = new TempDirectory();
        var bundle = temp.Write("ca.pem", other.CaBundlePem);
        using var client = TestClients.Create(TestClients.FastOptions with { Registries = [new RegistrySettings(tls.Host, CaBundlePath: bundle)] });

        var error = await Assert.ThrowsAsync<RegistryException>(
            () => client.ListTagsAsync(new RegistryRepository(tls.Host, AnonymousRegistryFixture.AppRepository), CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unreachable, error.Kind);
        Assert.StartsWith($"cannot reach registry {tls.Host} (TLS handshake failed:", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, tls.Count(ProxyRequestKind.TagList));
    }
}
