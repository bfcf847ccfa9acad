namespace Tidemark.Git;

/// <summary>The words people read for each <see cref="GitFailureKind"/>: what happened, where, and what to do.</summary>
internal static class GitFailureMessages
{
    private const string Doctor = "run `tidemark doctor` to check the token";

    public static GitFailure Simple(GitFailureKind kind, GitFailureContext c, string? gitLine) => kind switch
    {
        GitFailureKind.BadCredentials => Make(kind, GitFailureActor.TokenOwner,
            $"{c.Operation} {c.Repository}: the token was refused — it is invalid, expired or revoked; create a new one and {Doctor}"),
        GitFailureKind.SecretMissing => Make(kind, GitFailureActor.TokenOwner,
            $"{c.Operation} {c.Repository}: git asked for credentials and none were given (no token configured, or it is empty); set the token source and {Doctor}"),
        GitFailureKind.NoWriteAccess => Make(kind, GitFailureActor.TokenOwner,
            $"the token cannot push to {c.Repository}{On(c)}: it lacks write access (fine-grained token: Contents: write with the repository selected; classic token: repo scope; GitHub App: Contents: write) — {Doctor}"),
        GitFailureKind.RepositoryNotFound => Make(kind, GitFailureActor.TokenOwner,
            $"{c.Operation} {c.Repository}: the repository was not found — check its name, or grant the token access to it (a fine-grained token or an App installation must select it); {Doctor}"),
        GitFailureKind.StaleLease => Make(kind, GitFailureActor.Retry,
            $"push to {c.Repository}{On(c)} refused: the branch moved since it was fetched (someone else pushed); nothing was overwritten — the next run fetches again and decides"),
        GitFailureKind.NonFastForward => Make(kind, GitFailureActor.Retry,
            $"push to {c.Repository}{On(c)} refused as not a fast-forward: the remote branch has commits this clone lacks; the next run fetches again"),
        GitFailureKind.NetworkError => Make(kind, GitFailureActor.Retry,
            $"{c.Operation} {c.Repository}: the network failed ({gitLine ?? "no detail"}); the next run retries — check the host is reachable if it persists"),
        GitFailureKind.Timeout => Make(kind, GitFailureActor.Retry,
            $"{c.Operation} {c.Repository}: git took too long and was stopped; the next run retries"),
        _ => Make(GitFailureKind.Unknown, GitFailureActor.Unknown,
            $"{c.Operation} {c.Repository}{On(c)} failed: {gitLine ?? "git gave no reason"}"),
    };

    public static GitFailure Sso(GitFailureContext c, string url, string? organisation)
    {
        var url1 = url.Length == 0 ? null : url;
        var where = organisation is null ? "its organisation" : $"the {organisation} organisation";
        var action = url1 is null ? "authorise the token for SSO in the token settings" : $"open {url1} to authorise the token";
        return Make(GitFailureKind.SsoRequired, GitFailureActor.TokenOwner,
            $"{c.Operation} {c.Repository}: {where} enforces SAML SSO and the token is not authorised for it — {action}, then retry") with { SsoUrl = url1 };
    }

    public static GitFailure Protected(GitFailureContext c, IReadOnlyList<string> reasons) =>
        Make(GitFailureKind.ProtectedBranch, GitFailureActor.RepositoryAdmin,
            $"push to {c.Repository}{On(c)} refused by branch protection (GH006){Because(reasons)} — ask an administrator to allow the Tidemark identity to push (and force-push) to its update branch, or exclude that branch from the protection rule",
            reasons);

    public static GitFailure Ruleset(GitFailureContext c, IReadOnlyList<string> reasons) =>
        Make(GitFailureKind.RulesetViolation, GitFailureActor.RepositoryAdmin,
            $"push to {c.Repository}{On(c)} refused by a repository ruleset (GH013){Because(reasons)} — ask an administrator to exclude the update branch from the ruleset or add Tidemark to its bypass list",
            reasons);

    public static GitFailure PushProtection(GitFailureContext c, IReadOnlyList<string> reasons) =>
        Make(GitFailureKind.PushProtection, GitFailureActor.RepositoryAdmin,
            $"push to {c.Repository}{On(c)} blocked by secret scanning push protection: the commit appears to contain a secret{Because(reasons)} — remove it from the manifests, or have it reviewed and unblocked via the URL GitHub printed",
            reasons);

    public static GitFailure Workflow(GitFailureContext c, string? file, string? grant, string? tokenKind)
    {
        var what = file is null ? "a workflow file" : $"the workflow file {file}";
        var need = grant ?? "`workflow` scope (classic token) or `workflows` permission (fine-grained token, GitHub App)";
        var who = tokenKind is null ? "the token" : $"the token ({tokenKind})";
        return Make(GitFailureKind.WorkflowPermission, GitFailureActor.TokenOwner,
            $"push to {c.Repository}{On(c)} refused: the commit changes {what} and {who} lacks the {need} — grant it, or keep .github/workflows out of the update paths (an update branch built on an old base also \"changes\" workflows; the next run rebuilds it on the current base)")
            with { WorkflowFile = file, MissingGrant = grant };
    }

    private static string On(GitFailureContext c) => c.Branch is null ? "" : $" (branch {c.Branch})";

    private static string Because(IReadOnlyList<string> reasons) =>
        reasons.Count == 0 ? "" : ": " + string.Join("; ", reasons.Take(5));

    private static GitFailure Make(GitFailureKind kind, GitFailureActor actor, string message, IReadOnlyList<string>? reasons = null) =>
        new(kind, actor, message, reasons ?? []);
}
