using Tidemark.Testing.Postgres;

namespace Tidemark.IntegrationTests.State.Postgres;

/// <summary>One real PostgreSQL server for the tests of the <see cref="PostgresCollection"/>; each test makes its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public LocalPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LocalPostgres.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
