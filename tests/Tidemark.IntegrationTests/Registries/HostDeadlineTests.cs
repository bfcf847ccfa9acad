using Microsoft.Extensions.Time.Testing;
using Tidemark.Registries;

namespace Tidemark.IntegrationTests.Registries;

/// <summary>One command spends at most <see cref="RegistryClientOptions.HostDeadline"/> on a registry host, counted from its first request.</summary>
[Collection(AnonymousRegistryCollection.Name)]
public sealed class HostDeadlineTests(AnonymousRegistryFixture fixture)
{
    [Fact]
    public async Task ListTagsAsync_AfterTheHostDeadline_FailsAtOnceWithoutARequest()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var client = TestClients.Create(TestClients.FastOptions with { HostDeadline = TimeSpan.FromMinutes(5) }, time);
        var app = new RegistryRepository(fixture.Registry.Host, AnonymousRegistryFixture.AppRepository);

        Assert.NotEmpty((await client.ListTagsAsync(app, CancellationToken.None)).Tags);
        var sent = client.Counts.TagPages;
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.NotEmpty((await client.ListTagsAsync(app, CancellationToken.None)).Tags);
        time.Advance(TimeSpan.FromMinutes(2));
        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(app, CancellationToken.None));

        Assert.Contains($"this command has spent more than 5 min on {fixture.Registry.Host}; not tried again", error.Message, StringComparison.Ordinal);
        Assert.Equal(sent * 2, client.Counts.TagPages);
    }
}
