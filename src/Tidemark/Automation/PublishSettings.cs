using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Git;

namespace Tidemark.Automation;

/// <summary>
/// Where and how one repository's updates are published. Built from <c>tidemark.yaml</c>; where it leaves a
/// value at its default, a Flux <c>ImageUpdateAutomation</c> in the repository supplies it (checkout branch,
/// push branch, commit author). Example: ("acme/gitops", "main", "flux-image-updates", fluxcdbot, title, [dependencies], [], []).
/// </summary>
internal sealed record PublishSettings(
    string Repository,
    string BaseBranch,
    string UpdateBranch,
    GitIdentity Author,
    string Title,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Reviewers,
    IReadOnlyList<string> Assignees)
{
    public const string DefaultCommitSubject = "chore: update container images";

    /// <summary>
    /// The commit's first line when no <see cref="CommitTemplate"/> applies: <c>commit.message</c> from tidemark.yaml,
    /// else a Flux <c>messageTemplate</c> that is plain text, else the default; the list of changes follows.
    /// </summary>
    public string CommitSubject { get; init; } = DefaultCommitSubject;

    /// <summary>
    /// A Flux <c>messageTemplate</c> with <c>{{ }}</c> actions (and no <c>commit.message</c> in tidemark.yaml): rendered,
    /// it is the whole commit message.
    /// </summary>
    public CommitMessageTemplate? CommitTemplate { get; init; }

    public bool SignOff { get; init; }

    /// <summary>Everything but the push and the forge writes.</summary>
    public bool DryRun { get; init; }

    public string Trigger { get; init; } = "cli";

    /// <summary>The base commit the plan was made from; a base that moved since then is not built on.</summary>
    public string? PlannedBaseSha { get; init; }

    /// <summary>The settings of the repository's first scope (its first ImageUpdateAutomation, if any).</summary>
    public static PublishSettings From(TidemarkConfig config, FluxObjects flux, string repository, string defaultBaseBranch)
    {
        ArgumentNullException.ThrowIfNull(flux);
        return From(config, flux.Automations.FirstOrDefault(), flux.Automations.Count > 1, repository, defaultBaseBranch);
    }

    /// <summary>
    /// The settings of one scope. With several automations each has its own update branch: its push branch, else
    /// <c>tidemark.yaml</c>'s <c>updateBranch</c> followed by <c>-NAME</c>; otherwise <c>updateBranch</c>, when set,
    /// wins over the automation's.
    /// </summary>
    public static PublishSettings From(TidemarkConfig config, FluxImageUpdateAutomation? automation, bool severalAutomations, string repository, string defaultBaseBranch)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new CommitConfig();
        var commit = config.Commit;
        var fluxAuthor = automation?.AuthorName is not null && commit.AuthorName == defaults.AuthorName && commit.AuthorEmail == defaults.AuthorEmail;
        var author = fluxAuthor
            ? new GitIdentity(automation!.AuthorName!, automation.AuthorEmail ?? defaults.AuthorEmail)
            : new GitIdentity(commit.AuthorName, commit.AuthorEmail);
        var baseBranch = config.BaseBranch ?? automation?.CheckoutBranch ?? defaultBaseBranch;
        var updateBranch = UpdateBranchOf(config, automation, severalAutomations);
        if (string.Equals(updateBranch, baseBranch, StringComparison.Ordinal))
        {
            var where = automation is { UpdateBranch.Length: > 0 } && updateBranch == automation.UpdateBranch
                ? $"push.branch of the ImageUpdateAutomation {automation.Name}"
                : $"updateBranch in {config.Source ?? "tidemark.yaml"}";
            throw new ConfigurationException(
                $"the update branch \"{updateBranch}\" is the base branch: Tidemark commits to the update branch and opens a pull request into the base branch, so it never pushes to the base branch (set {where} to a branch of its own, such as flux-image-updates)");
        }
        var pr = config.PullRequest;
        return new PublishSettings(repository, baseBranch, updateBranch, author, pr.Title, pr.Labels, pr.Reviewers, pr.Assignees)
        {
            SignOff = commit.SignOff,
            CommitTemplate = commit.MessageTemplate is null ? CommitMessageTemplate.From(automation) : null,
            CommitSubject = Subject(commit.MessageTemplate) ?? Subject(automation?.MessageTemplate is { } template && !template.Contains("{{", StringComparison.Ordinal) ? template : null) ?? DefaultCommitSubject,
        };
    }

    private static string UpdateBranchOf(TidemarkConfig config, FluxImageUpdateAutomation? automation, bool severalAutomations)
    {
        if (severalAutomations)
        {
            return automation?.UpdateBranch ?? $"{config.UpdateBranch}-{automation?.Name}";
        }
        return config.UpdateBranch == TidemarkConfig.DefaultUpdateBranch && automation?.UpdateBranch is { Length: > 0 } push
            ? push
            : config.UpdateBranch;
    }

    private static string? Subject(string? message) =>
        message?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
