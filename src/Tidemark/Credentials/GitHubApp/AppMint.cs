namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// What a doctor check reports after a successful mint, without the token: which App and installation, the token's
/// fingerprint, <c>expires_at</c>, the granted <c>permissions</c> and <c>repository_selection</c>.
/// Example: ("tidemark-acme", 7890, installation …abcd #3f9c1e, 2026-11-26T03:04:05Z, {contents: write, …}, "selected").
/// </summary>
internal sealed record AppMint(
    string AppSlug,
    long InstallationId,
    TokenFingerprint Fingerprint,
    DateTimeOffset ExpiresAt,
    IReadOnlyDictionary<string, string> Permissions,
    string RepositorySelection)
{
    /// <summary>The login GitHub shows for the App's commits and pull requests, e.g. <c>tidemark-acme[bot]</c>.</summary>
    public string BotLogin => AppSlug + "[bot]";
}
