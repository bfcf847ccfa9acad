namespace Tidemark.Cli.Commands;

/// <summary>What <c>tidemark run</c> was asked to do, as parsed from its options.</summary>
internal sealed record RunRequest(
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

    /// <summary><c>text</c> (lines for people, as it goes) or <c>json</c> (one object at the end: docs/run.schema.json).</summary>
    public string Output { get; init; } = "text";

    /// <summary>The request with the API inferred from the repository when <c>--api-url</c> was not given.</summary>
    public RunRequest For(RunTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ApiUrlGiven ? this : this with { ApiUrl = target.DefaultApiUrl };
    }
}
