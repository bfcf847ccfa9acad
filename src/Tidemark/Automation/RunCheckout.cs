using Tidemark.Configuration;
using Tidemark.Git;

namespace Tidemark.Automation;

/// <summary>
/// Gets Tidemark's own clone to the head of the base branch: cloned once (blobs on demand) into
/// <c>WORK-DIR/repo</c>, fetched on later runs; then reads tidemark.yaml and the Flux objects from that head.
/// </summary>
internal static class RunCheckout
{
    public static Task<GitRepository> PrepareAsync(GitRunner runner, RunContext context, string defaultBranch, string workDir, Func<CancellationToken, ValueTask<string>> tokens, CancellationToken cancellationToken) =>
        PrepareAsync(runner, context.Target, context.Audit, defaultBranch, workDir, tokens, context.Host.Time, cancellationToken);

    /// <summary>The same for callers without a run (<c>tidemark doctor</c>); the clone is recorded on <paramref name="audit"/>.</summary>
    public static async Task<GitRepository> PrepareAsync(GitRunner runner, RunTarget target, AuditTrail audit, string defaultBranch, string workDir, Func<CancellationToken, ValueTask<string>> tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(workDir, "repo");
        if (Directory.Exists(Path.Combine(directory, ".git")))
        {
            try
            {
                return await GitRepository.OpenAsync(runner, target.Remote, directory, tokens, time, cancellationToken).ConfigureAwait(false);
            }
            catch (CloneMismatchException e)
            {
                throw new UsageException($"--work-dir {workDir}: {e.Message}");
            }
        }

        return await audit.TrackAsync(State.AuditActions.GitFetch, target.FullName,
            () => GitRepository.CloneAsync(runner, target.Remote, directory, defaultBranch, tokens, time, cancellationToken), _ => $"clone {defaultBranch}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks out the base head and loads the workspace from it; the base is the one tidemark.yaml (or Flux) names on that head.</summary>
    public static Task<(Workspace Workspace, PublishSettings Settings, string BaseSha)> LoadAsync(GitRepository git, RunContext context, string defaultBranch, CancellationToken cancellationToken) =>
        LoadAsync(git, context.Host.Report, context.Settings.Config, context.Target, context.Audit, defaultBranch, cancellationToken);

    /// <summary>The same for callers without a run (<c>tidemark doctor</c>).</summary>
    public static async Task<(Workspace Workspace, PublishSettings Settings, string BaseSha)> LoadAsync(GitRepository git, IRunReport report, FileInfo? config, RunTarget target, AuditTrail audit, string defaultBranch, CancellationToken cancellationToken)
    {
        var (workspace, settings, baseSha) = await LoadAtAsync(git, report, config, target, audit, defaultBranch, defaultBranch, cancellationToken).ConfigureAwait(false);
        if (settings.BaseBranch != defaultBranch)
        {
            (workspace, settings, baseSha) = await LoadAtAsync(git, report, config, target, audit, settings.BaseBranch, defaultBranch, cancellationToken).ConfigureAwait(false);
        }

        return (workspace, settings, baseSha);
    }

    /// <summary>Checks out the head of <paramref name="branch"/> and loads the workspace from it (another automation's base).</summary>
    public static Task<(Workspace Workspace, PublishSettings Settings, string BaseSha)> LoadBranchAsync(GitRepository git, RunContext context, string branch, string defaultBranch, CancellationToken cancellationToken) =>
        LoadAtAsync(git, context.Host.Report, context.Settings.Config, context.Target, context.Audit, branch, defaultBranch, cancellationToken);

    private static async Task<(Workspace, PublishSettings, string)> LoadAtAsync(GitRepository git, IRunReport report, FileInfo? config, RunTarget target, AuditTrail audit, string branch, string defaultBranch, CancellationToken cancellationToken)
    {
        RemoteBranchHeads heads;
        try
        {
            heads = await audit.FetchAsync(git, target.FullName, branch, TidemarkConfig.DefaultUpdateBranch, cancellationToken).ConfigureAwait(false);
        }
        catch (MissingBranchException e)
        {
            throw new UsageException($"{e.Message} (check baseBranch in tidemark.yaml or checkout.ref.branch of the ImageUpdateAutomation)");
        }

        await git.CheckoutAsync(heads.BaseSha, cancellationToken).ConfigureAwait(false);
        var workspace = await ScopePlanning.LoadWorkspaceAsync(git.Directory, config, report.NoteAsync, cancellationToken).ConfigureAwait(false);
        var settings = PublishSettings.From(workspace.Config, workspace.Flux, target.FullName, defaultBranch);
        if (workspace.Flux.Automations.Count > 1)
        {
            // Every automation's branches are checked before anything is pushed, not when its turn comes.
            foreach (var automation in workspace.Flux.Automations)
            {
                _ = PublishSettings.From(workspace.Config, automation, true, target.FullName, defaultBranch);
            }
        }
        return (workspace, settings, heads.BaseSha);
    }
}
