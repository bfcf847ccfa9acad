namespace Tidemark.Forges;

/// <summary>What read-only probes learned about a token on one repository (for <c>tidemark doctor</c>).</summary>
/// <param name="Scopes">Classic token scopes from <c>X-OAuth-Scopes</c>, e.g. <c>repo, workflow</c>; null when the header is absent (fine-grained, App).</param>
/// <param name="CanPush"><c>permissions.push</c>: the user's role. False proves no write; true does not prove a fine-grained token may write.</param>
/// <param name="TokenExpiresAt">From <c>GitHub-Authentication-Token-Expiration</c>; null when the token does not expire or the value is not credible.</param>
/// <param name="SsoAuthorizationUrl">From <c>X-GitHub-SSO: required; url=…</c>: open it to authorise the token.</param>
internal sealed record AccessReport(
    string Repository,
    bool TokenValid,
    string? Login,
    IReadOnlyList<string>? Scopes,
    bool RepositoryVisible,
    bool? CanPush,
    bool? Archived,
    DateTimeOffset? TokenExpiresAt,
    int? RateLimitRemaining,
    string? SsoAuthorizationUrl,
    IReadOnlyList<ForgeProblem> Problems);
