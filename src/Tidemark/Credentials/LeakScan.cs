namespace Tidemark.Credentials;

/// <summary>
/// What <see cref="LeakedTokenScanner"/> found: where the configured token itself appears (an error: revoke it),
/// and other token-shaped strings (a warning: someone else's token may be committed).
/// </summary>
internal sealed record LeakScan(IReadOnlyList<TokenLeak> ConfiguredToken, IReadOnlyList<TokenLeak> TokenShaped);
