namespace Tidemark.IntegrationTests.Registries;

[CollectionDefinition(Name)]
public sealed class AnonymousRegistryCollection : ICollectionFixture<AnonymousRegistryFixture>
{
    public const string Name = "anonymous registry";
}
