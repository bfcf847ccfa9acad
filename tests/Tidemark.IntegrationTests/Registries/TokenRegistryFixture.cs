using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Registries;

/// <summary>A registry in token mode trusting a <see cref="TokenIssuer"/> that wants Basic credentials; holds <c>held/app</c>.</summary>
public sealed class TokenRegistryFixture : IAsyncLifetime
{
    public const string Username = "robot";
    public const string Password = "t0ken-pass";
    public const string Repository = "held/app";
    public static readonly string[] Tags = ["0.9.0", "1.0.0"];

    public TokenIssuer Issuer { get; private set; } = null!;

    public LocalRegistry Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TokenIssuer.StartAsync();
        Issuer.RequiredCredentials = (Username, Password);
        Registry = await LocalRegistry.StartTokenAsync(Issuer);
        await Registry.PushTagsAsync(Repository, Tags);
    }

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
