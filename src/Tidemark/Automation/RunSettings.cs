namespace Tidemark.Automation;

/// <summary>
/// What one run (and <c>doctor</c>, <c>token check</c>) is asked to do, whoever asks: the repository (a clone's path or
/// its https:// URL), the operator's settings file, the token sources (current and next), the API, the state database
/// the host resolved, the work directory and the registry secrets folder. The CLI maps its options onto it one to one.
/// </summary>
internal sealed record RunSettings(
    string? Repo,
    FileInfo? Config,
    bool DryRun,
    FileInfo? TokenFile,
    Uri ApiUrl,
    string? State,
    string? WorkDir,
    string SecretsDirectory,
    bool Refresh = false,
    TimeSpan? CacheTtl = null,
    string? TokenEnv = null,
    IReadOnlyList<string>? TokenCommand = null,
    string? AppId = null,
    string? AppKeyFile = null,
    string? AppInstallationId = null,
    string? NextTokenEnv = null,
    FileInfo? NextTokenFile = null,
    IReadOnlyList<string>? NextTokenCommand = null)
{
    /// <summary>Whether <c>--api-url</c> was given; otherwise <see cref="ApiUrl"/> is inferred from the repository's host.</summary>
    public bool ApiUrlGiven { get; init; } = true;

    /// <summary>How long the run's repository lease lasts (a crashed run's lease expires after it); <c>serve</c>'s <c>leaseDuration</c>.</summary>
    public TimeSpan LeaseDuration { get; init; } = AutomationRun.LockLease;

    /// <summary>How long the run waits for another run's lease before giving up (<see cref="Tidemark.State.RepositoryLockedException"/>); <c>serve</c> waits not at all: the holder is doing the work.</summary>
    public TimeSpan LeaseWait { get; init; } = AutomationRun.LockWait;

    /// <summary>The current token's source as a host names it directly (<c>serve</c>'s <c>token:</c>), in place of the token flags; null for the flags.</summary>
    public Tidemark.Credentials.TokenSpec? Token { get; init; }

    /// <summary>Who takes the lease, as the holder is named to others (e.g. <c>run</c>, <c>serve</c>).</summary>
    public string LeaseRole { get; init; } = "run";

    /// <summary>Tidemark's own folder for the run: its clone (<c>repo</c>) and git's home (<c>.home</c>); default <c>tidemark-work</c> in the current folder.</summary>
    public string WorkDirectory => Path.GetFullPath(WorkDir ?? Path.Combine(Directory.GetCurrentDirectory(), "tidemark-work"));

    /// <summary>The settings with the API inferred from the repository when <c>--api-url</c> was not given.</summary>
    public RunSettings For(RunTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ApiUrlGiven ? this : this with { ApiUrl = target.DefaultApiUrl };
    }
}
