namespace Tidemark.State;

/// <summary>Reads what the state store knows about tokens, without any network (for <c>tidemark token status</c>).</summary>
internal interface ITokenLedgerReader
{
    /// <summary>Every token seen, most recently used first.</summary>
    Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken);

    Task<TokenRecord?> FindTokenAsync(string fingerprint, CancellationToken cancellationToken);

    /// <summary>Every rotation, the latest first.</summary>
    Task<IReadOnlyList<TokenRotationRecord>> ListRotationsAsync(CancellationToken cancellationToken);

    /// <summary>Every next token not adopted for lacking a capability, the latest first.</summary>
    Task<IReadOnlyList<TokenRefusalRecord>> ListRefusalsAsync(CancellationToken cancellationToken);

    /// <summary>True when the expiry notice <paramref name="threshold"/> was already commented for the token.</summary>
    Task<bool> ExpiryCommentedAsync(string fingerprint, int threshold, CancellationToken cancellationToken);
}
