using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.Git;

namespace Tidemark.Doctor;

/// <summary>
/// Which doctor check explains a failure of <c>run</c>, so its message can say e.g.
/// "— run `tidemark doctor` (check: push-permission)". Null when no check covers it (network, races).
/// </summary>
internal static class DoctorHints
{
    public static string? CheckFor(Exception error) => error switch
    {
        GitException git => CheckFor(git.Kind),
        ForgeException forge => CheckFor(forge),
        NoWorkingTokenException => CheckNames.NextToken,
        _ => null,
    };

    public static string? CheckFor(GitFailureKind kind) => kind switch
    {
        GitFailureKind.BadCredentials => CheckNames.TokenValidity,
        GitFailureKind.SecretMissing => CheckNames.TokenSource,
        GitFailureKind.NoWriteAccess => CheckNames.PushPermission,
        GitFailureKind.RepositoryNotFound or GitFailureKind.SsoRequired => CheckNames.Repository,
        GitFailureKind.ProtectedBranch or GitFailureKind.RulesetViolation => CheckNames.BranchRules,
        GitFailureKind.WorkflowPermission => CheckNames.Workflows,
        _ => null,
    };

    private static string? CheckFor(ForgeException error) => error.Kind switch
    {
        ForgeErrorKind.BadCredentials => CheckNames.TokenValidity,
        ForgeErrorKind.NotFound or ForgeErrorKind.SsoRequired or ForgeErrorKind.OrganizationPolicy => CheckNames.Repository,
        ForgeErrorKind.MissingPermission when error.Permission?.Contains("contents", StringComparison.Ordinal) == true => CheckNames.PushPermission,
        ForgeErrorKind.MissingPermission => CheckNames.PullRequests,
        ForgeErrorKind.Validation when error.Details.Any(d => d.Contains("base", StringComparison.Ordinal)) => CheckNames.BaseBranch,
        ForgeErrorKind.RateLimited => CheckNames.RateLimit,
        _ => null,
    };

    /// <summary>The sentence to append to a failure message, or "" when no check explains it.</summary>
    public static string Suffix(Exception error) =>
        CheckFor(error) is { } check ? $" — run `tidemark doctor` (check: {check})" : "";
}
