namespace Tidemark.Testing.GitHub;

/// <summary>Why a request was refused, in the order GitHub checks: token, organisation policy, visibility, permission.</summary>
internal enum DenialReason
{
    RequiresAuthentication,
    BadCredentials,
    SsoRequired,
    ClassicTokensBlocked,
    LifetimeTooLong,
    NotFound,
    MissingPermission,
    Archived,
}
