namespace Tidemark.State;

/// <summary>
/// The audit trail's action vocabulary, in one place (docs/audit.md lists the same). An action names what was done
/// with a credential or to a remote; its target says to what, e.g. <c>git.push</c> on
/// <c>acme/gitops@flux-image-updates</c>. Each is a typed <see cref="AuditAction"/> rendering its dotted name. Add one here
/// (and to <see cref="All"/>) before writing a new action.
/// </summary>
internal static class AuditActions
{
    /// <summary>Tags of one image repository read from the network (target <c>host/repository</c>); cache hits are not token uses and are not recorded.</summary>
    public static readonly AuditAction RegistryList = new("registry.list");

    /// <summary>A clone or fetch of the Git repository (target <c>owner/repo</c>).</summary>
    public static readonly AuditAction GitFetch = new("git.fetch");

    /// <summary>A push of the update branch (target <c>owner/repo@branch</c>; detail starts with the pushed SHA).</summary>
    public static readonly AuditAction GitPush = new("git.push");

    /// <summary>A pull request opened (target <c>owner/repo#number</c>).</summary>
    public static readonly AuditAction PullRequestCreate = new("pr.create");

    /// <summary>A pull request's title, body, labels or reviewers changed (target <c>owner/repo#number</c>).</summary>
    public static readonly AuditAction PullRequestUpdate = new("pr.update");

    /// <summary>A pull request closed by Tidemark (stale: the base already has the updates).</summary>
    public static readonly AuditAction PullRequestClose = new("pr.close");

    /// <summary>A comment on a pull request (updates paused, expiry warnings).</summary>
    public static readonly AuditAction PullRequestComment = new("pr.comment");

    /// <summary>The update branch deleted on the forge (target <c>owner/repo@branch</c>).</summary>
    public static readonly AuditAction BranchDelete = new("branch.delete");

    /// <summary>A token validated against the forge (<c>tidemark token check</c>, <c>doctor</c>).</summary>
    public static readonly AuditAction TokenCheck = new("token.check");

    /// <summary>A GitHub App installation token minted.</summary>
    public static readonly AuditAction TokenMint = new("token.mint");

    /// <summary>A token expiry threshold reached (14, 7, 1 days; expired).</summary>
    public static readonly AuditAction TokenExpiry = new("token.expiry");

    public static IReadOnlyList<AuditAction> All { get; } =
        [RegistryList, GitFetch, GitPush, PullRequestCreate, PullRequestUpdate, PullRequestClose, PullRequestComment, BranchDelete, TokenCheck, TokenMint, TokenExpiry];
}
