namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// One minted installation token and what GitHub granted with it. <see cref="ToString"/> never shows the value.
/// Example: (ghs_…, 2026-11-26T03:04:05Z, {contents: write, pull_requests: write, metadata: read}, "selected", 7890).
/// </summary>
internal sealed record InstallationToken(
    string Value,
    DateTimeOffset ExpiresAt,
    IReadOnlyDictionary<string, string> Permissions,
    string RepositorySelection,
    long InstallationId)
{
    public TokenFingerprint Fingerprint => TokenFingerprint.Of(TokenInspector.Classify(Value), Value);

    public override string ToString() => $"{Fingerprint} (installation {InstallationId}, expires {ExpiresAt:u})";
}
