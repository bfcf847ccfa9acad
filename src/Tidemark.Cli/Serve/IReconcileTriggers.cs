namespace Tidemark.Cli.Serve;

/// <summary>
/// How webhooks and the dashboard ask the scheduler for work. Requests are cheap and never wait for the run: a request
/// for a repository that is running is coalesced into one follow-up run.
/// </summary>
internal interface IReconcileTriggers
{
    /// <summary>Reconcile the repository (its <see cref="Tidemark.Configuration.Service.ServiceRepository.Name"/>, case-insensitive) now; false when the service has no such enabled repository.</summary>
    bool Request(string repository, RunTrigger trigger);

    /// <summary>
    /// A new tag was pushed to <paramref name="imageRepository"/> (normalised: <c>registry-host/path</c>, e.g.
    /// <c>docker.io/library/nginx</c>, <c>127.0.0.1:5000/team/app</c>): drop its cached tag listing and reconcile every
    /// repository that uses it (and every one whose images are not known yet). Returns the repositories triggered.
    /// </summary>
    IReadOnlyList<string> ImagePushed(string imageRepository, RunTrigger trigger);

    /// <summary>
    /// A push to <paramref name="branch"/> of the repository: reconcile it now when that is its base branch — one its last
    /// run published against (from its tidemark.yaml, operator settings or a Flux automation), or, before its first run,
    /// <paramref name="defaultBranch"/>. Null when the service has no such enabled repository.
    /// </summary>
    BranchPush? BranchPushed(string repository, string branch, string? defaultBranch, RunTrigger trigger);
}

/// <summary>What a push did: whether it triggered a reconcile, and the base branches it was compared with (none when unknown).</summary>
internal sealed record BranchPush(bool Triggered, IReadOnlyList<string> BaseBranches);
