namespace Tidemark.Testing.GitHub;

/// <summary>How to create a simulated repository.</summary>
public sealed record RepositoryOptions
{
    public bool Private { get; init; } = true;

    public string DefaultBranch { get; init; } = "main";

    /// <summary>A folder whose content becomes the first commit of the default branch.</summary>
    public string? ImportFolder { get; init; }

    /// <summary>Files (relative path → content) for the first commit when no <see cref="ImportFolder"/> is given.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string> { ["README.md"] = "# simulated\n" };
}
