using Tidemark.Forges;
using Tidemark.Git;
using Tidemark.Manifests;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// The Publish and Record stages: under the repository lease its caller holds (taken once per run, see
/// <see cref="AutomationRun"/>; the publisher neither takes nor releases it), makes the update branch base head + ONE commit
/// with the plan's edits, pushes it only when it differs (with a lease on the SHA last seen), never over a
/// commit Tidemark did not make, then has <see cref="PullRequestSteward"/> open, update or close the one pull
/// request. Every run is recorded (run, decisions, managed pull request, audit events). Convergent: a second
/// run with the same plan pushes nothing and writes nothing to the forge. Every fetch, push and forge write is an
/// audit event naming the token (<paramref name="trail"/>; default: the state store's, naming no token).
/// </summary>
internal sealed class Publisher(GitRepository git, IForge forge, StateStore state, AuditTrail? trail = null)
{
    /// <param name="lease">The lease on <see cref="PublishSettings.Repository"/> the caller holds for the whole run.</param>
    public async Task<Outcome> PublishAsync(Plan plan, PublishSettings settings, RepositoryLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lease);
        if (!string.Equals(lease.Repository, settings.Repository, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the lease is on {lease.Repository}, not on {settings.Repository}", nameof(lease));
        }

        var runId = await state.RunWriter.StartRunAsync(new RunStart(settings.Repository, settings.Trigger, trail?.RunId), cancellationToken).ConfigureAwait(false);
        await state.RunWriter.RecordDecisionsAsync(runId, DecisionsOf(plan), cancellationToken).ConfigureAwait(false);
        var end = new RunEnd("failed", plan.Changes.Sum(c => c.Files.Count) + plan.Unchanged.Count, plan.Changes.Count, plan.Errors.Count);
        try
        {
            var outcome = await PublishLockedAsync(plan, settings, cancellationToken).ConfigureAwait(false);
            end = end with { Outcome = outcome.RunOutcome };
            return outcome with { RunId = runId };
        }
        finally
        {
            await state.RunWriter.EndRunAsync(runId, end, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<Outcome> PublishLockedAsync(Plan plan, PublishSettings settings, CancellationToken cancellationToken)
    {
        var recorder = new PublishRecorder(state, settings, trail ?? new AuditTrail(state.AuditWriter, null));
        var steward = new PullRequestSteward(forge, recorder, settings);
        var heads = await recorder.Trail.FetchAsync(git, settings.Repository, settings.BaseBranch, settings.UpdateBranch, cancellationToken).ConfigureAwait(false);
        if (settings.PlannedBaseSha is { } planned && planned != heads.BaseSha)
        {
            return Quiet(settings, $"{settings.BaseBranch} moved from {Short(planned)} to {Short(heads.BaseSha)} while planning; nothing was pushed, the next run plans again");
        }

        var (managed, merged, deleted) = await steward.RecordMergedAsync(await recorder.FindAsync(cancellationToken).ConfigureAwait(false), heads.UpdateSha, cancellationToken).ConfigureAwait(false);
        var outcome = await PublishManagedAsync(plan, settings, deleted ? heads with { UpdateSha = null } : heads, recorder, steward, managed, cancellationToken).ConfigureAwait(false);
        return merged is null ? outcome : outcome with { Notes = [merged, .. outcome.Notes] };
    }

    private async Task<Outcome> PublishManagedAsync(Plan plan, PublishSettings settings, RemoteBranchHeads heads, PublishRecorder recorder, PullRequestSteward steward, ManagedPullRequest? managed, CancellationToken cancellationToken)
    {
        var foreign = await ForeignCommitsAsync(heads, settings, recorder, managed, cancellationToken).ConfigureAwait(false);
        if (foreign.Count > 0 && !await steward.WasClosedAsync(heads.UpdateSha!, cancellationToken).ConfigureAwait(false))
        {
            return await steward.PauseAsync(foreign, cancellationToken).ConfigureAwait(false);
        }

        if (plan.Failed.Count > 0 && heads.UpdateSha is not null)
        {
            // A plan without the images whose registry failed would drop their changes from the open pull request.
            return Quiet(settings, $"{plan.Failed.Count} image(s) could not be checked, so {settings.UpdateBranch} and its pull request are left as they are (no change they hold is dropped); the next run tries again");
        }

        if (plan.Changes.Count == 0 || plan.Edits.Count == 0)
        {
            return await steward.CloseStaleAsync(plan.HasErrors, heads.UpdateSha is not null, cancellationToken).ConfigureAwait(false);
        }

        var targets = ChangeText.Targets(plan.Changes);
        if (await steward.FindDeclinedAsync(targets, managed, cancellationToken).ConfigureAwait(false) is { } declined)
        {
            return declined;
        }

        var commit = await git.CommitUpdateAsync(CommitRequest(plan, settings, heads.BaseSha), cancellationToken).ConfigureAwait(false);
        if (commit is null)
        {
            return await steward.CloseStaleAsync(plan.HasErrors, heads.UpdateSha is not null, cancellationToken).ConfigureAwait(false);
        }

        var push = await PushAsync(commit.Sha, heads.UpdateSha, settings, recorder, managed, targets, cancellationToken).ConfigureAwait(false);
        return await steward.EnsureAsync(plan.Changes, push, cancellationToken, plan.HeldBack).ConfigureAwait(false);
    }

    /// <summary>Pushes unless the remote branch already is this change; records the SHA before pushing, so a run killed mid-push is recognised next time.</summary>
    private async Task<PushResult> PushAsync(string localSha, string? remoteSha, PublishSettings settings, PublishRecorder recorder, ManagedPullRequest? managed, IReadOnlyDictionary<string, string> targets, CancellationToken cancellationToken)
    {
        var record = (managed ?? recorder.Empty()) with { Targets = targets };
        if (remoteSha is not null && await git.IsSameUpdateAsync(remoteSha, localSha, cancellationToken).ConfigureAwait(false))
        {
            if (record.LastPushedSha != remoteSha && !settings.DryRun)
            {
                await recorder.SaveAsync(record with { LastPushedSha = remoteSha }, cancellationToken).ConfigureAwait(false);
                await recorder.RecordPushAsync(remoteSha, cancellationToken).ConfigureAwait(false);
            }

            return new PushResult(false, $"{settings.UpdateBranch} already holds this change on top of {settings.BaseBranch} ({Short(remoteSha)}); nothing to push", remoteSha);
        }

        if (settings.DryRun)
        {
            return new PushResult(false, $"dry run: would push {Short(localSha)} to {settings.UpdateBranch}", null);
        }

        await recorder.SaveAsync(record with { LastPushedSha = localSha }, cancellationToken).ConfigureAwait(false);
        await recorder.RecordPushAsync(localSha, cancellationToken).ConfigureAwait(false);
        try
        {
            await git.PushAsync(settings.UpdateBranch, localSha, remoteSha, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await recorder.Trail.RecordFailureAsync(AuditActions.GitPush, recorder.BranchTarget, e, localSha).ConfigureAwait(false);
            throw;
        }

        await recorder.AuditAsync(AuditActions.GitPush, recorder.BranchTarget, AuditOutcomes.Ok, $"{localSha} (lease {(remoteSha is null ? "new branch" : remoteSha)})", cancellationToken).ConfigureAwait(false);
        return new PushResult(true, $"pushed {Short(localSha)} to {settings.UpdateBranch} (base {settings.BaseBranch} + one commit)", localSha);
    }

    private async Task<IReadOnlyList<GitCommitInfo>> ForeignCommitsAsync(RemoteBranchHeads heads, PublishSettings settings, PublishRecorder recorder, ManagedPullRequest? managed, CancellationToken cancellationToken)
    {
        if (heads.UpdateSha is null)
        {
            return [];
        }

        var commits = await git.ListCommitsAsync(heads.BaseSha, heads.UpdateSha, cancellationToken).ConfigureAwait(false);
        var pushed = await recorder.PushedShasAsync(managed, cancellationToken).ConfigureAwait(false);
        return ForeignCommits.Find(commits, settings.Author, pushed);
    }

    private static GitCommitRequest CommitRequest(Plan plan, PublishSettings settings, string baseSha)
    {
        var files = plan.Edits.Select(e => new GitFileChange(e.File, ManifestText.Encode(e.Updated))).ToList();
        var message = settings.CommitTemplate?.Render(plan) ?? ChangeText.CommitMessage(plan.Changes, settings.CommitSubject);
        return new GitCommitRequest(settings.UpdateBranch, baseSha, files, message, settings.Author, settings.Author) { SignOff = settings.SignOff };
    }

    private static List<DecisionRecord> DecisionsOf(Plan plan) =>
    [
        .. plan.Changes.Select(c => new DecisionRecord(c.Image, c.From, c.To, c.Policy, c.Reason)),
        .. plan.Unchanged.Select(u => new DecisionRecord(u.Image, u.Current, null, "", u.Reason)),
    ];

    private static Outcome Quiet(PublishSettings settings, string why) => new(PublishAction.Nothing, false, why, null, null, [], settings.DryRun);

    internal static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
