namespace Tidemark.Git;

/// <summary>
/// One git process to run: a subcommand from the fixed set, its arguments, where, and for which
/// repository (for error messages). <see cref="Auth"/> is set only on the process that talks to the remote.
/// </summary>
internal sealed record GitRequest(GitSubcommand Subcommand, IReadOnlyList<string> Arguments, string WorkingDirectory, GitFailureContext Context)
{
    public GitAuth? Auth { get; init; }

    /// <summary>Extra non-secret variables (commit identity and dates). GIT_CONFIG_* is reserved for <see cref="Auth"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Exit codes that are answers rather than failures (e.g. 1 from <c>diff --quiet</c>).</summary>
    public IReadOnlyList<int> AcceptedExitCodes { get; init; } = [0];
}
