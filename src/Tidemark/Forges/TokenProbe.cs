namespace Tidemark.Forges;

/// <summary>
/// What two read-only requests learned about a token (<see cref="IForgeDiagnostics.ProbeTokenAsync"/>): whether it works for the
/// repository, its expiry from <c>GitHub-Authentication-Token-Expiration</c>, and otherwise why not.
/// </summary>
/// <param name="ExpiresAt">Null when GitHub reported no expiry, or a value that cannot be an expiry.</param>
/// <param name="ExpiryUnknown">True when GitHub reported the current time instead of the expiry (seen for fine-grained tokens): expiry unknown, not expired.</param>
/// <param name="Problem">Why the token does not work, with the fix; null when it works.</param>
internal sealed record TokenProbe(bool Works, DateTimeOffset? ExpiresAt, bool ExpiryUnknown, ForgeProblem? Problem);
