using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Run;

/// <summary>The registry the token-life runs read from (each test starts its own simulator with its own fake clock).</summary>
public sealed class TokenLifeFixture : IAsyncLifetime
{
    public LocalRegistry Registry { get; private set; } = null!;

    public async Task InitializeAsync() => Registry = await RunFixture.StartRegistryAsync();

    public async Task DisposeAsync() => await Registry.DisposeAsync();
}
