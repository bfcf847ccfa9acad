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
    IReadOnlyList<string>? NextTokenCommand = null);
