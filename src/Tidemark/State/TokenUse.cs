namespace Tidemark.State;

/// <summary>
/// One run's use of a token, by fingerprint only. Example: ("fine-grained …a1b2 #3f9c1e", "fine-grained",
/// "environment variable GITHUB_TOKEN", "current", "acme/gitops", 2026-12-09, {git.fetch: 1, git.push: 1}).
/// </summary>
internal sealed record TokenUse(
    string Fingerprint,
    string Kind,
    string Source,
    string Role,
    string Repository,
    DateTimeOffset? ExpiresAt,
    IReadOnlyDictionary<string, int> Actions);
