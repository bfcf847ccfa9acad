namespace Tidemark.GitHubSimulator;

/// <summary>What to create at start-up, read from the <c>--config</c> YAML file (see README.md).</summary>
internal sealed record SimulatorConfig(
    IReadOnlyList<string> Users,
    IReadOnlyList<OrganizationConfig> Organizations,
    IReadOnlyList<RepositoryConfig> Repositories,
    IReadOnlyList<TokenConfig> Tokens)
{
    public static SimulatorConfig Empty { get; } = new([], [], [], []);
}
