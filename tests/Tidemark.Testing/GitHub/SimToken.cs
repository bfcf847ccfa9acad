namespace Tidemark.Testing.GitHub;

/// <summary>
/// A token the simulator accepts. <see cref="Id"/> is what the git hooks see (never the value);
/// <see cref="Value"/> is generated at run time as prefix + random characters.
/// </summary>
public sealed class SimToken
{
    public required string Id { get; init; }

    public required string Value { get; init; }

    public required TokenKind Kind { get; init; }

    /// <summary>The acting user's login, or <c>slug[bot]</c> for installation tokens.</summary>
    public required string Login { get; init; }

    /// <summary>Classic scopes, e.g. <c>repo</c>, <c>workflow</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Fine-grained/App permissions, e.g. <c>contents → write</c>.</summary>
    public IReadOnlyDictionary<string, string> Permissions { get; init; } = new Dictionary<string, string>();

    /// <summary>Repository names (without owner) the token is limited to; null means all of the owner's.</summary>
    public IReadOnlySet<string>? Repositories { get; init; }

    /// <summary>Fine-grained and installation tokens act on one account's repositories only.</summary>
    public string? ResourceOwner { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public long? InstallationId { get; init; }

    /// <summary>Classic tokens must be authorised for SAML SSO organisations.</summary>
    public bool SsoAuthorized { get; set; }

    public bool Revoked { get; set; }
}
