namespace Tidemark.Git;

/// <summary>Why a git command failed, read from git's standard error (research/github.md §4).</summary>
internal enum GitFailureKind
{
    Unknown,
    BadCredentials,
    SecretMissing,
    NoWriteAccess,
    RepositoryNotFound,
    SsoRequired,
    ProtectedBranch,
    RulesetViolation,
    PushProtection,
    WorkflowPermission,
    NonFastForward,
    StaleLease,
    NetworkError,
    Timeout,
}
