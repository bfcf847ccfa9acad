namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>One thing a delivery asks for: reconcile a repository, or rescan an image repository everywhere it is used.</summary>
internal abstract record WebhookTrigger
{
    private WebhookTrigger()
    {
    }

    /// <summary>Reconcile the service repository <paramref name="Repository"/> (<c>owner/name</c>).</summary>
    public sealed record Reconcile(string Repository, string Why) : WebhookTrigger;

    /// <summary>
    /// A push to <paramref name="Branch"/> of the repository <paramref name="Repository"/> (<c>owner/name</c>), whose
    /// default branch is <paramref name="DefaultBranch"/>: the scheduler reconciles it when that is its base branch.
    /// </summary>
    public sealed record BranchPushed(string Repository, string Branch, string? DefaultBranch) : WebhookTrigger;

    /// <summary>A tag was pushed to <paramref name="ImageRepository"/> (normalised, e.g. <c>docker.io/library/nginx</c>).</summary>
    public sealed record ImagePushed(string ImageRepository, string? Tag) : WebhookTrigger;
}
