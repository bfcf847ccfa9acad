namespace Tidemark.Git;

/// <summary>Who must act on a git failure (STYLE.md §16).</summary>
internal enum GitFailureActor
{
    /// <summary>Nobody yet: the cause is not recognised; the message carries git's own words.</summary>
    Unknown,

    /// <summary>Whoever owns the token: replace it, widen its permissions, authorise SSO.</summary>
    TokenOwner,

    /// <summary>A repository administrator: branch protection, rulesets, push protection.</summary>
    RepositoryAdmin,

    /// <summary>Nobody: someone else moved the branch or the network failed; the next run converges.</summary>
    Retry,
}
