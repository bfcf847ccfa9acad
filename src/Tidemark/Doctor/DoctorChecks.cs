using Tidemark.Doctor.Checks;

namespace Tidemark.Doctor;

/// <summary>
/// The doctor's checks, one registration line each, in the order they run (research github.md, "What a doctor
/// command should check"). A new check is a class in <c>Checks/</c> and one line here.
/// </summary>
internal static class DoctorChecks
{
    public static IReadOnlyList<IDoctorCheck> All { get; } =
    [
        new TokenSourceCheck(),
        new ApiReachabilityCheck(),
        new AppMintCheck(),
        new TokenValidityCheck(),
        new TokenScopesCheck(),
        new TokenExpiryCheck(),
        new RepositoryCheck(),
        new CheckoutCheck(),
        new NextTokenCheck(),
        new TokenLeakCheck(),
        new BaseBranchCheck(),
        new BranchRulesCheck(),
        new PullRequestsCheck(),
        new PushPermissionCheck(),
        new WorkflowsCheck(),
        new RegistryAccessCheck(),
        new RateLimitCheck(),
        new GitVersionCheck(),
        new StateStoreCheck(),
    ];

    /// <summary><c>tidemark token check</c>: the token-focused subset, same order.</summary>
    public static IReadOnlyList<IDoctorCheck> TokenCheck { get; } = [.. All.Where(c => c.InTokenCheck)];
}
