namespace Tidemark.Forges;

/// <summary>Why a forge request failed, classified by who has to act.</summary>
internal enum ForgeErrorKind
{
    /// <summary>401: the token is wrong, expired or revoked — issue a new one.</summary>
    BadCredentials,

    /// <summary>404: the repository (or pull request) does not exist or the token cannot see it.</summary>
    NotFound,

    /// <summary>403: the token lacks a permission or scope (see <see cref="ForgeException.Permission"/>).</summary>
    MissingPermission,

    /// <summary>403 with <c>X-GitHub-SSO: required</c>: authorise the token for the organisation's SAML SSO.</summary>
    SsoRequired,

    /// <summary>403/429 rate limit after the allowed waiting: retry at <see cref="ForgeException.RetryAt"/>.</summary>
    RateLimited,

    /// <summary>403 from an organisation policy (classic tokens blocked, token lifetime too long) or an archived repository.</summary>
    OrganizationPolicy,

    /// <summary>422 (or 400): the request was refused as invalid; <see cref="ForgeException.Details"/> says why.</summary>
    Validation,

    /// <summary>No answer, a timeout or a 5xx: the forge or the network; usually transient.</summary>
    Unavailable,
}
