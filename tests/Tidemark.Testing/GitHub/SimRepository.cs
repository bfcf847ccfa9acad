namespace Tidemark.Testing.GitHub;

/// <summary>A repository: metadata in memory, content in a real bare git repository.</summary>
public sealed class SimRepository
{
    public required SimAccount Owner { get; init; }

    public required string Name { get; init; }

    public required long Id { get; init; }

    public string FullName => $"{Owner.Login}/{Name}";

    public bool Private { get; set; }

    public bool Archived { get; set; }

    public required string DefaultBranch { get; set; }

    public required string GitDirectory { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Users with a role; the owner (a user) is implicitly admin.</summary>
    public Dictionary<string, RepositoryRole> Collaborators { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, BranchProtection> Protections { get; } = new(StringComparer.Ordinal);

    public List<Ruleset> Rulesets { get; } = [];

    public List<SimPullRequest> PullRequests { get; } = [];

    /// <summary>Label name → colour (hex without '#').</summary>
    public Dictionary<string, string> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int LastIssueNumber { get; set; }
}
