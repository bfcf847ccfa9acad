namespace Tidemark.Doctor;

/// <summary>The checks' names, in the order they run (research github.md, "What a doctor command should check").</summary>
internal static class CheckNames
{
    public const string TokenSource = "token-source";
    public const string ApiReachability = "api-reachability";

    /// <summary>The GitHub App token check: the installation token's mint (installation, bot, expiry, permissions, repository selection).</summary>
    public const string AppMint = "app-mint";
    public const string TokenValidity = "token-validity";
    public const string TokenScopes = "token-scopes";
    public const string TokenExpiry = "token-expiry";
    public const string Repository = "repository";
    public const string Checkout = "checkout";
    public const string NextToken = "next-token";
    public const string TokenLeak = "token-leak";
    public const string BaseBranch = "base-branch";
    public const string BranchRules = "branch-rules";
    public const string PullRequests = "pull-requests";
    public const string PushPermission = "push-permission";
    public const string Workflows = "workflows";
    public const string RegistryAccess = "registry-access";
    public const string RateLimit = "rate-limit";
    public const string GitVersion = "git-version";
    public const string StateStore = "state-store";
}
