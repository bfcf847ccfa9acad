namespace Tidemark.Automation;

/// <summary>
/// What the Publish stage did, for the CLI to print and the run record to keep. Example: (Created, Pushed: true,
/// "pushed 3f2c1a0 to flux-image-updates", 12, "https://github.com/acme/gitops/pull/12", [...], DryRun: false).
/// </summary>
/// <param name="Push">Why the branch was or was not pushed, in words.</param>
/// <param name="Notes">Anything a person should know: commits found on the branch, a declined proposal, what a dry run would have done.</param>
internal sealed record Outcome(
    PublishAction Action,
    bool Pushed,
    string Push,
    int? PullRequestNumber,
    string? PullRequestUrl,
    IReadOnlyList<string> Notes,
    bool DryRun)
{
    /// <summary>The SHA the remote update branch holds after the run (the pushed commit, or the one already there); null when none.</summary>
    public string? Commit { get; init; }

    /// <summary>The run's id in the state store.</summary>
    public long? RunId { get; init; }

    /// <summary>The name recorded as the run's outcome, e.g. <c>pull-request-created</c>.</summary>
    public string RunOutcome => Action switch
    {
        PublishAction.Nothing => "nothing-to-do",
        PublishAction.Paused => "paused-human-commit",
        PublishAction.Declined => "declined-by-person",
        _ => "pull-request-" + Action.ToString().ToLowerInvariant(),
    } + (DryRun ? "-dry-run" : "");
}
