namespace Tidemark.IntegrationTests.Registries;

[CollectionDefinition(Name)]
public sealed class HtpasswdRegistryCollection : ICollectionFixture<HtpasswdRegistryFixture>
{
    public const string Name = "htpasswd registry";
}
