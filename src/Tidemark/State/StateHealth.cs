namespace Tidemark.State;

/// <summary>
/// What <c>tidemark state check</c> found: the problems SQLite's integrity_check reported (none when healthy), the
/// schema version, and each repository lease still held. Healthy: no problem and a schema this Tidemark knows.
/// </summary>
internal sealed record StateHealth(string Path, IReadOnlyList<string> Problems, int SchemaVersion, IReadOnlyList<RepositoryLease> Leases)
{
    public bool SchemaKnown => SchemaVersion <= SqliteMigrations.Latest;

    public bool Healthy => Problems.Count == 0 && SchemaKnown;
}
