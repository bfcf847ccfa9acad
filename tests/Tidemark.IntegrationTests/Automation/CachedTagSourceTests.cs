using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Automation;
using Tidemark.Credentials;
using Tidemark.Registries;
using Tidemark.State;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Automation;

/// <summary>The tag cache in the SQLite state store in front of a real registry: no registry request inside the TTL.</summary>
public sealed class CachedTagSourceTests : IAsyncLifetime, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"tidemark-cache-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private LocalRegistry registry = null!;
    private RegistryClient client = null!;
    private StateStore store = null!;

    public async Task InitializeAsync()
    {
        registry = await LocalRegistry.StartAnonymousAsync();
        await registry.PushTagsAsync("team/app", ["1.0.0", "1.1.0"]);
        client = RegistryClient.Create(new RegistryClientOptions(), TimeProvider.System, NullLogger.Instance);
        store = await SqliteStateStore.OpenAsync(new SqliteStateOptions(Path.Combine(folder, "state.db")), time, new Redactor(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await registry.DisposeAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ListTags_InsideTheTtl_AsksTheRegistryOnce()
    {
        var repository = new RegistryRepository(registry.Host, "team/app");

        var first = await Source(refresh: false).ListTagsAsync(repository, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(9));
        var second = await Source(refresh: false).ListTagsAsync(repository, CancellationToken.None);

        Assert.Equal(first.Tags.Order(StringComparer.Ordinal), second.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(1, client.Counts.TagPages);
    }

    [Fact]
    public async Task ListTags_AfterTheTtlOrWithRefresh_AsksAgainAndSeesNewTags()
    {
        var repository = new RegistryRepository(registry.Host, "team/app");
        await Source(refresh: false).ListTagsAsync(repository, CancellationToken.None);
        await registry.PushTagAsync("team/app", "1.2.0");

        var refreshed = await Source(refresh: true).ListTagsAsync(repository, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(11));
        var expired = await Source(refresh: false).ListTagsAsync(repository, CancellationToken.None);

        Assert.Contains("1.2.0", refreshed.Tags);
        Assert.Contains("1.2.0", expired.Tags);
        Assert.Equal(3, client.Counts.TagPages);
    }

    [Fact]
    public async Task ListTags_FetchedWithAnotherRepositorysCredential_IsNotReadFromTheCache()
    {
        // one store serves several repositories (serve): a listing fetched with team A's Secret is not team B's to read
        var repository = new RegistryRepository(registry.Host, "team/app");
        using var teamA = WithSecret(repository, "team-a");
        using var teamB = WithSecret(repository, "team-b");

        await Source(teamA).ListTagsAsync(repository, CancellationToken.None);
        await Source(teamB).ListTagsAsync(repository, CancellationToken.None);
        await Source(client).ListTagsAsync(repository, CancellationToken.None);
        await Source(teamA).ListTagsAsync(repository, CancellationToken.None);
        await Source(client).ListTagsAsync(repository, CancellationToken.None);

        Assert.Equal((1, 1, 1), (teamA.Counts.TagPages, teamB.Counts.TagPages, client.Counts.TagPages));
    }

    private static RegistryClient WithSecret(RegistryRepository repository, string secret) => RegistryClient.Create(
        new RegistryClientOptions { Repositories = new Dictionary<RegistryRepository, RepositorySettings> { [repository] = new(Credentials: new MountedSecretCredentialSource("/var/run/secrets/tidemark", secret)) } },
        TimeProvider.System,
        NullLogger.Instance);

    private CachedTagSource Source(bool refresh) => Source(client, refresh);

    private CachedTagSource Source(RegistryClient registryClient, bool refresh = false) => new(registryClient, store.TagCacheReader, store.TagCacheWriter, TimeSpan.FromMinutes(10), refresh);
}
