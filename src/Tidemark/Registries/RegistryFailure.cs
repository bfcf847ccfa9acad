namespace Tidemark.Registries;

/// <summary>
/// One failed attempt, before it becomes a <see cref="RegistryException"/>: the kind, the HTTP status if any,
/// why (<c>HTTP 503 Service Unavailable ("...")</c> or <c>connection refused</c>), what to do, and whether another
/// attempt may help (with the registry's Retry-After when it gave one).
/// </summary>
internal sealed record RegistryFailure(
    RegistryErrorKind Kind,
    int? StatusCode,
    string Why,
    string Fix,
    bool Transient,
    TimeSpan? RetryAfter = null,
    Exception? Cause = null)
{
    /// <summary>What the client did about it beyond retrying, e.g. <c>not tried again: a request to quay.io failed this way</c>.</summary>
    public string? Note { get; init; }

    public RegistryException ToException(RegistryOperation operation, int attempts)
    {
        var tries = (attempts > 1 ? $" after {attempts} attempts" : "") + (Note is null ? "" : $" ({Note})");
        var message = Kind == RegistryErrorKind.Unreachable
            ? $"cannot reach registry {operation.Repository.Registry} ({Why}) while {operation.Description}{tries}; {Fix}"
            : $"{operation.Description} failed: {Why}{tries} — {Fix}";
        return new RegistryException(Kind, message, StatusCode, Cause);
    }
}
