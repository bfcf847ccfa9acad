using Tidemark.Testing.GitHub;

namespace Tidemark.GitHubSimulator;

/// <summary>
/// A token to issue at start-up; its value is generated then and written only to <see cref="WriteTo"/> (absolute).
/// <see cref="Owner"/> is the account whose repositories a fine-grained token acts on (default: <see cref="User"/>);
/// <see cref="Repositories"/> null means all of them.
/// </summary>
internal sealed record TokenConfig(
    string Name,
    TokenKind Kind,
    string User,
    string Owner,
    IReadOnlyList<string>? Repositories,
    IReadOnlyDictionary<string, string> Permissions,
    IReadOnlyList<string> Scopes,
    int? ExpiresInDays,
    bool SsoAuthorized,
    string WriteTo,
    string Place);
