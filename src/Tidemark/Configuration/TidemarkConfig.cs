namespace Tidemark.Configuration;

/// <summary>
/// The repository's <c>tidemark.yaml</c> (version 1). Every field has a default, so zero configuration works:
/// every reference is governed by <c>non-breaking</c> and the update branch is <c>tidemark/image-updates</c>.
/// </summary>
internal sealed record TidemarkConfig
{
    public const string DefaultUpdateBranch = "tidemark/image-updates";
    public const string DefaultPolicyText = "non-breaking";

    public static TidemarkConfig Default { get; } = new();

    /// <summary>Where it was read from, or null for the built-in defaults.</summary>
    public string? Source { get; init; }

    /// <summary>The top-level keys the file sets (what <see cref="Layer"/> takes from it).</summary>
    public IReadOnlySet<string> Keys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public string? BaseBranch { get; init; }

    public string UpdateBranch { get; init; } = DefaultUpdateBranch;

    /// <summary>Repository-relative folders to search for references; empty means the whole repository.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    public PolicySpec DefaultPolicy { get; init; } = new(DefaultPolicyText, null, null, new SourcePlace("(default)", 0, 0));

    public IReadOnlyList<ImageRule> Rules { get; init; } = [];

    public IReadOnlyList<GroupRule> Groups { get; init; } = [];

    public IReadOnlyList<RegistryConfig> Registries { get; init; } = [];

    public PullRequestConfig PullRequest { get; init; } = new();

    public CommitConfig Commit { get; init; } = new();

    /// <summary>Unmarked references to update although the repository holds a Flux <c>ImageUpdateAutomation</c>.</summary>
    public UnmarkedConfig Unmarked { get; init; } = UnmarkedConfig.None;

    /// <summary>The GitHub token's sources and rotation settings (read from the operator's <c>--config</c> file only).</summary>
    public GitHubConfig GitHub { get; init; } = new();

    /// <summary>
    /// The operator's file over the repository's, key by key at the top level: a top-level key the operator's file
    /// sets wins whole (its <c>rules:</c> replace the repository's), any other comes from the repository's file.
    /// The repository's file holds no operator-only section (<see cref="ConfigLoader.OperatorOnlyKeys"/>; refused when read).
    /// </summary>
    public static TidemarkConfig Layer(TidemarkConfig operatorFile, TidemarkConfig repositoryFile)
    {
        ArgumentNullException.ThrowIfNull(operatorFile);
        ArgumentNullException.ThrowIfNull(repositoryFile);
        bool Operator(string key) => operatorFile.Keys.Contains(key);
        TidemarkConfig From(string key) => Operator(key) ? operatorFile : repositoryFile;
        return new TidemarkConfig
        {
            Source = repositoryFile.Source ?? operatorFile.Source,
            Keys = operatorFile.Keys.Union(repositoryFile.Keys).ToHashSet(StringComparer.Ordinal),
            BaseBranch = From("baseBranch").BaseBranch,
            UpdateBranch = From("updateBranch").UpdateBranch,
            Paths = From("paths").Paths,
            DefaultPolicy = From("defaultPolicy").DefaultPolicy,
            Rules = From("rules").Rules,
            Groups = From("groups").Groups,
            PullRequest = From("pullRequest").PullRequest,
            Commit = From("commit").Commit,
            Unmarked = From("unmarked").Unmarked,
            Registries = operatorFile.Registries,
            GitHub = operatorFile.GitHub,
        };
    }

    /// <summary>The rule for an image name (canonical or familiar), the first whose glob matches; null if none.</summary>
    public ImageRule? RuleFor(string canonicalName, string familiarName) =>
        Rules.FirstOrDefault(rule => rule.Matches(canonicalName, familiarName));

    /// <summary>The registry settings for a registry host, if configured.</summary>
    public RegistryConfig? RegistryFor(string host) =>
        Registries.FirstOrDefault(r => string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase));
}
