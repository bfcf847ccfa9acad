using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Registries;

/// <summary>
/// One anonymous registry with a paging, fault-injecting proxy in front, shared by the anonymous tests:
/// <c>team/app</c> (three versions, latest, cosign tags) and <c>team/many</c> (2,500 tags).
/// </summary>
public sealed class AnonymousRegistryFixture : IAsyncLifetime
{
    public const string AppRepository = "team/app";
    public const string ManyRepository = "team/many";
    public const int ManyTagCount = 2500;

    public static readonly string SignatureTag = "sha256-" + new string('a', 64) + ".sig";
    public static readonly string AttestationTag = "sha256-" + new string('b', 64) + ".att";
    public static readonly string[] AppTags = ["1.0.0", "1.1.0", "2.0.0", "latest", SignatureTag, AttestationTag];

    public LocalRegistry Registry { get; private set; } = null!;

    public RegistryProxy Proxy { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> AppDigests { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Registry = await LocalRegistry.StartAnonymousAsync();
        Proxy = await RegistryProxy.StartAsync(Registry.BaseUri);
        AppDigests = await Registry.PushTagsAsync(AppRepository, AppTags);
        await Registry.PushTagsAsync(ManyRepository, Enumerable.Range(0, ManyTagCount).Select(i => $"v{i:D4}"));
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Registry.DisposeAsync();
    }
}
