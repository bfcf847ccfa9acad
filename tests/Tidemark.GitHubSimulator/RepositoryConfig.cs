using Tidemark.Testing.GitHub;

namespace Tidemark.GitHubSimulator;

/// <summary>
/// A repository to create, e.g. <c>alice/gitops</c> imported from <c>/abs/examples</c> with bob as a writer.
/// <see cref="ImportFolder"/> is absolute; <see cref="Place"/> is the file:line:column it was read from.
/// </summary>
internal sealed record RepositoryConfig(
    string Owner,
    string Name,
    bool Private,
    string DefaultBranch,
    string? ImportFolder,
    IReadOnlyDictionary<string, RepositoryRole> Collaborators,
    IReadOnlyDictionary<string, BranchProtection> Protections,
    string Place);
