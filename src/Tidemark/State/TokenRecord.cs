namespace Tidemark.State;

/// <summary>
/// What the state store knows about one token: never its value, only its fingerprint, kind, where it was read,
/// the role it last played (current or next), its expiry (null when GitHub never reported one), when it was first and
/// last used, and how often each action was done with it.
/// </summary>
internal sealed record TokenRecord(
    string Fingerprint,
    string Kind,
    string Source,
    string Role,
    string Repository,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset FirstUsedAt,
    DateTimeOffset LastUsedAt,
    IReadOnlyDictionary<string, int> Actions);
