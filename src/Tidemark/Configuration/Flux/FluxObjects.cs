namespace Tidemark.Configuration.Flux;

/// <summary>The Flux image automation objects found in a repository, with what was wrong with any of them.</summary>
internal sealed record FluxObjects(
    IReadOnlyList<FluxImageRepository> Repositories,
    IReadOnlyList<FluxImagePolicy> Policies,
    IReadOnlyList<FluxImageUpdateAutomation> Automations,
    IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public static FluxObjects Empty { get; } = new([], [], [], []);

    public FluxImagePolicy? FindPolicy(string @namespace, string name) =>
        Policies.FirstOrDefault(p => p.Namespace == @namespace && p.Name == name);

    public FluxImageRepository? RepositoryOf(FluxImagePolicy policy) =>
        Repositories.FirstOrDefault(r => r.Namespace == policy.RepositoryNamespace && r.Name == policy.RepositoryName);

    public FluxObjects Concat(FluxObjects other) => new(
        [.. Repositories, .. other.Repositories],
        [.. Policies, .. other.Policies],
        [.. Automations, .. other.Automations],
        [.. Diagnostics, .. other.Diagnostics]);
}
