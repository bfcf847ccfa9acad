using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Registries;

/// <summary>A registry with htpasswd (bcrypt) Basic auth holding <c>private/app</c>.</summary>
public sealed class HtpasswdRegistryFixture : IAsyncLifetime
{
    public const string Username = "reader";
    public const string Password = "s3cret-pass";
    public const string Repository = "private/app";
    public static readonly string[] Tags = ["1.0.0", "1.2.0"];

    public LocalRegistry Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Registry = await LocalRegistry.StartHtpasswdAsync(Username, Password);
        await Registry.PushTagsAsync(Repository, Tags);
    }

    public Task DisposeAsync() => Registry.DisposeAsync().AsTask();
}
