namespace Tidemark.Testing.GitHub;

/// <summary>
/// Decides whether a token may perform an operation on a repository, in GitHub's order: token valid →
/// organisation policy (SSO, classic tokens blocked) → repository visible (404 otherwise) → permission.
/// </summary>
internal sealed class AccessControl(SimulatorState state, TimeProvider time)
{
    /// <summary>The token named by an Authorization header (token/Bearer/Basic), or a denial for a bad one.</summary>
    public (SimToken? Token, Denial? Denial) Authenticate(string? authorization)
    {
        var value = CredentialParser.TokenFrom(authorization);
        if (value is null)
        {
            return (null, null);
        }

        var token = state.FindToken(value);
        if (token is null || token.Revoked || token.ExpiresAt <= time.GetUtcNow())
        {
            return (null, new Denial(DenialReason.BadCredentials, null, null, ""));
        }

        return (token, null);
    }

    public Denial? Check(SimToken? token, SimRepository? repository, Requirement requirement)
    {
        if (repository is null)
        {
            return new Denial(DenialReason.NotFound, token, null, requirement.ToString());
        }

        var policy = OrganizationPolicy(token, repository, requirement) ?? LifetimePolicy(token, repository, requirement);
        if (policy is not null)
        {
            return policy;
        }

        if (!IsVisible(token, repository))
        {
            return new Denial(DenialReason.NotFound, token, repository, requirement.ToString());
        }

        if (!Grants(token, repository, requirement))
        {
            return new Denial(token is null ? DenialReason.RequiresAuthentication : DenialReason.MissingPermission, token, repository, requirement.ToString());
        }

        return requirement.IsWrite && repository.Archived
            ? new Denial(DenialReason.Archived, token, repository, requirement.ToString())
            : null;
    }

    private static Denial? OrganizationPolicy(SimToken? token, SimRepository repository, Requirement requirement)
    {
        if (token is not { Kind: TokenKind.Classic } || !repository.Owner.IsOrganization)
        {
            return null;
        }

        if (repository.Owner.ClassicTokensBlocked)
        {
            return new Denial(DenialReason.ClassicTokensBlocked, token, repository, requirement.ToString());
        }

        return repository.Owner.SsoRequired && !token.SsoAuthorized
            ? new Denial(DenialReason.SsoRequired, token, repository, requirement.ToString())
            : null;
    }

    private Denial? LifetimePolicy(SimToken? token, SimRepository repository, Requirement requirement)
    {
        if (token is not { Kind: TokenKind.Classic or TokenKind.FineGrained } || repository.Owner.MaxTokenLifetimeDays is not { } days)
        {
            return null;
        }

        var tooLong = token.ExpiresAt is not { } expiry || expiry > time.GetUtcNow().AddDays(days);
        return tooLong ? new Denial(DenialReason.LifetimeTooLong, token, repository, requirement.ToString()) : null;
    }

    public static bool IsVisible(SimToken? token, SimRepository repository)
    {
        if (!repository.Private)
        {
            return true;
        }

        return token is not null && token.Kind switch
        {
            TokenKind.Classic => token.Scopes.Contains("repo") && SimulatorState.RoleOf(repository, token.Login) is not null,
            _ => InSelection(token, repository),
        };
    }

    private static bool InSelection(SimToken token, SimRepository repository) =>
        string.Equals(token.ResourceOwner, repository.Owner.Login, StringComparison.OrdinalIgnoreCase)
        && (token.Repositories is null || token.Repositories.Contains(repository.Name));

    private static bool Grants(SimToken? token, SimRepository repository, Requirement requirement)
    {
        if (token is null)
        {
            return !requirement.IsWrite && !repository.Private;
        }

        return requirement.Alternatives.Any(a => Grants(token, repository, a.Permission, a.Level));
    }

    private static bool Grants(SimToken token, SimRepository repository, string permission, string level)
    {
        if (token.Kind == TokenKind.Classic)
        {
            return GrantsClassic(token, repository, permission, level);
        }

        if (!InSelection(token, repository))
        {
            return level == "read" && !repository.Private && permission is "metadata" or "contents" or "pull_requests" or "issues";
        }

        if (token.Kind == TokenKind.FineGrained && level == "write" && !UserCanWrite(token, repository))
        {
            return false;
        }

        return permission == "metadata" || LevelAtLeast(token.Permissions.GetValueOrDefault(permission), level);
    }

    private static bool GrantsClassic(SimToken token, SimRepository repository, string permission, string level)
    {
        if (level == "read")
        {
            return true;
        }

        var scoped = token.Scopes.Contains("repo") || (!repository.Private && token.Scopes.Contains("public_repo"));
        var role = SimulatorState.RoleOf(repository, token.Login);
        return permission switch
        {
            "pull_requests" or "issues" => scoped && role is not null,
            "administration" => scoped && role == RepositoryRole.Admin,
            "workflows" => scoped && token.Scopes.Contains("workflow") && role >= RepositoryRole.Write,
            _ => scoped && role >= RepositoryRole.Write,
        };
    }

    private static bool UserCanWrite(SimToken token, SimRepository repository) =>
        SimulatorState.RoleOf(repository, token.Login) >= RepositoryRole.Write;

    public static bool LevelAtLeast(string? granted, string needed) => needed switch
    {
        "read" => granted is "read" or "write" or "admin",
        "write" => granted is "write" or "admin",
        _ => granted == "admin",
    };

    /// <summary>Whether the token may change <c>.github/workflows</c> (classic <c>workflow</c> scope, otherwise <c>workflows</c> permission).</summary>
    public static bool CanChangeWorkflows(SimToken token) => token.Kind == TokenKind.Classic
        ? token.Scopes.Contains("workflow")
        : LevelAtLeast(token.Permissions.GetValueOrDefault("workflows"), "write");
}
