namespace Tidemark.State;

/// <summary>
/// The audit trail's action vocabulary, in one place (docs/audit.md lists the same). An action names what was done
/// with a credential or to a remote; its target says to what, e.g. <c>git.push</c> on
/// <c>acme/gitops@flux-image-updates</c>. Add a name here (and to <see cref="All"/>) before writing a new action.
/// </summary>
internal static class AuditActions
{
    /// <summary>Tags of one image repository read from the network (target <c>host/repository</c>); cache hits are not token uses and are not recorded.</summary>
    public const string RegistryList = "registry.list";

    /// <summary>A clone or fetch of the Git repository (target <c>owner/repo</c>).</summary>
    public const string GitFetch = "git.fetch";

    /// <summary>A push of the update branch (target <c>owner/repo@branch</c>; detail starts with the pushed SHA).</summary>
    public const string GitPush = "git.push";

    /// <summary>A pull request opened (target <c>owner/repo#number</c>).</summary>
    public const string PullRequestCreate = "pr.create";

    /// <summary>A pull request's title, body, labels or reviewers changed (target <c>owner/repo#number</c>).</summary>
    public const string PullRequestUpdate = "pr.update";

    /// <summary>A pull request closed by Tidemark (stale: the base already has the updates).</summary>
    public const string PullRequestClose = "pr.close";

    /// <summary>A comment on a pull request (updates paused, expiry warnings).</summary>
    public const string PullRequestComment = "pr.comment";

    /// <summary>The update branch deleted on the forge (target <c>owner/repo@branch</c>).</summary>
    public const string BranchDelete = "branch.delete";

    /// <summary>A token validated against the forge (<c>tidemark token check</c>, <c>doctor</c>).</summary>
    public const string TokenCheck = "token.check";

    /// <summary>A GitHub App installation token minted.</summary>
    public const string TokenMint = "token.mint";

    /// <summary>A token expiry threshold reached (14, 7, 1 days; expired).</summary>
    public const string TokenExpiry = "token.expiry";

    public static IReadOnlyList<string> All { get; } =
        [RegistryList, GitFetch, GitPush, PullRequestCreate, PullRequestUpdate, PullRequestClose, PullRequestComment, BranchDelete, TokenCheck, TokenMint, TokenExpiry];
}
