using Tidemark.Registries;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Registries;

[Collection(AnonymousRegistryCollection.Name)]
public sealed class PaginationTests(AnonymousRegistryFixture fixture)
{
    [Fact]
    public async Task ListTagsAsync_2500TagsWithPageSize100_ReadsAllTagsIn25Pages()
    {
        fixture.Proxy.Reset();
        using var client = TestClients.Create(TestClients.FastOptions with { PageSize = 100 });

        var listing = await client.ListTagsAsync(new RegistryRepository(fixture.Proxy.Host, AnonymousRegistryFixture.ManyRepository), CancellationToken.None);

        Assert.Equal(AnonymousRegistryFixture.ManyTagCount, listing.Tags.Count);
        Assert.Equal(Enumerable.Range(0, AnonymousRegistryFixture.ManyTagCount).Select(i => $"v{i:D4}"), listing.Tags);
        Assert.Empty(listing.Warnings);
        Assert.Equal(25, fixture.Proxy.Count(ProxyRequestKind.TagList));
        Assert.Equal(25, client.Counts.TagPages);
    }

    [Fact]
    public async Task ListTagsAsync_PageCapReached_StopsWithAWarning()
    {
        fixture.Proxy.Reset();
        using var client = TestClients.Create(TestClients.FastOptions with { PageSize = 100, MaxPages = 3 });

        var listing = await client.ListTagsAsync(new RegistryRepository(fixture.Proxy.Host, AnonymousRegistryFixture.ManyRepository), CancellationToken.None);

        Assert.Equal(300, listing.Tags.Count);
        var warning = Assert.Single(listing.Warnings);
        Assert.Contains("page cap of 3 pages (300 tags read)", warning, StringComparison.Ordinal);
        Assert.Equal(3, fixture.Proxy.Count(ProxyRequestKind.TagList));
    }

    [Fact]
    public async Task MemoizingTagSource_TenConcurrentCallers_ListsTheRepositoryOnce()
    {
        fixture.Proxy.Reset();
        using var client = TestClients.Create(TestClients.FastOptions with { PageSize = 1000 });
        var source = new MemoizingTagSource(client);
        var repository = new RegistryRepository(fixture.Proxy.Host, AnonymousRegistryFixture.ManyRepository);

        var listings = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => source.ListTagsAsync(repository, CancellationToken.None))));

        Assert.All(listings, l => Assert.Same(listings[0], l));
        Assert.Equal(AnonymousRegistryFixture.ManyTagCount, listings[0].Tags.Count);
        Assert.Equal(3, fixture.Proxy.Count(ProxyRequestKind.TagList)); // one chain: 1000 + 1000 + 500
    }
}
