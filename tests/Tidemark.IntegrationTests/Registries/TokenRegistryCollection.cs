namespace Tidemark.IntegrationTests.Registries;

[CollectionDefinition(Name)]
public sealed class TokenRegistryCollection : ICollectionFixture<TokenRegistryFixture>
{
    public const string Name = "token registry";
}
