namespace Tidemark.Cli.Commands;

/// <summary>One token in <c>tidemark token status</c>. <see cref="Expiry"/> is ok, warning, expired or unknown.</summary>
internal sealed record TokenStatusEntry(
    string Fingerprint,
    string Kind,
    string Role,
    string Source,
    string Repository,
    DateTimeOffset? ExpiresAt,
    int? DaysLeft,
    string Expiry,
    string? Notice,
    DateTimeOffset FirstUsedAt,
    DateTimeOffset LastUsedAt,
    IReadOnlyDictionary<string, int> UsedFor);
