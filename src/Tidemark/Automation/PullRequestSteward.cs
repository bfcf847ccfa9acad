using Tidemark.Forges;
using Tidemark.Git;
using Tidemark.State;
using Tidemark.Telemetry;

namespace Tidemark.Automation;

/// <summary>
/// The forge half of Publish: ensures the one pull request says what the plan says, closes it when the base
/// already has the updates, respects a person's "no" (closed without merging, same targets), and announces
/// once that updates are paused when a person committed to the update branch. In a dry run it only reads.
/// </summary>
internal sealed class PullRequestSteward(IForge forge, PublishRecorder recorder, PublishSettings settings)
{
    private const string StaleComment = "Closing: the base branch already has these updates, so there is nothing left to propose. Tidemark deleted the update branch and will open a new pull request when newer tags appear.";

    public async Task<Outcome> EnsureAsync(IReadOnlyList<PlannedChange> changes, PushResult push, CancellationToken cancellationToken, IReadOnlyList<HeldBackUpdate>? heldBack = null)
    {
        var spec = new PullRequestSpec(settings.UpdateBranch, settings.BaseBranch, ChangeText.Title(settings.Title, changes),
            ChangeText.Body(changes, settings.UpdateBranch, heldBack), settings.Labels, settings.Reviewers, settings.Assignees);
        if (settings.DryRun)
        {
            return await PreviewAsync(spec, push, cancellationToken).ConfigureAwait(false);
        }

        var ensured = await EnsureAuditedAsync(spec, cancellationToken).ConfigureAwait(false);
        if (ensured.PullRequest is not { } pull)
        {
            return Result(PublishAction.Nothing, push, null, [$"GitHub sees no difference between {settings.UpdateBranch} and {settings.BaseBranch}; no pull request"]);
        }

        var action = ensured.Action switch
        {
            EnsureAction.Created => PublishAction.Created,
            EnsureAction.Updated => PublishAction.Updated,
            _ => PublishAction.Unchanged,
        };
        if (action != PublishAction.Unchanged)
        {
            var verb = action == PublishAction.Created ? AuditActions.PullRequestCreate : AuditActions.PullRequestUpdate;
            await recorder.AuditAsync(verb, recorder.PullTarget(pull.Number), AuditOutcomes.Ok, $"{pull.Url} {string.Join(",", ensured.Changed)}", cancellationToken).ConfigureAwait(false);
            TidemarkMetrics.PullRequestAction(settings.Repository, action == PublishAction.Created ? "created" : "updated");
            TidemarkMetrics.Proposed(settings.Repository, changes.Count);
        }

        await SaveOpenAsync(pull, changes, push.RemoteSha, cancellationToken).ConfigureAwait(false);
        return Result(action, push, pull, []);
    }

    /// <summary>No change to propose: an open Tidemark pull request is stale, so it is closed with a comment and its branch deleted.</summary>
    public async Task<Outcome> CloseStaleAsync(bool planHadErrors, bool branchExists, CancellationToken cancellationToken)
    {
        var nothing = new PushResult(false, "nothing to change: every image is up to date under its policy", null);
        var open = await forge.FindOpenPullRequestAsync(settings.UpdateBranch, settings.BaseBranch, cancellationToken).ConfigureAwait(false);
        if (open is null || PullRequestMarker.Parse(open.Body) is null)
        {
            return Result(PublishAction.Nothing, nothing, null, []);
        }

        if (planHadErrors)
        {
            return Result(PublishAction.Unchanged, nothing, open, [$"#{open.Number} was left open: the plan had errors, so it is not known to be stale"]);
        }

        if (settings.DryRun)
        {
            return Result(PublishAction.Closed, nothing, open, [$"dry run: would close #{open.Number} (the base already has its updates) and delete {settings.UpdateBranch}"]);
        }

        const string stale = "stale: the base already has the updates";
        await recorder.Trail.TrackAsync(AuditActions.PullRequestClose, recorder.PullTarget(open.Number), () => forge.ClosePullRequestAsync(open.Number, StaleComment, cancellationToken),
            stale, cancellationToken).ConfigureAwait(false);
        TidemarkMetrics.PullRequestAction(settings.Repository, "closed");
        await recorder.RecordClosureAsync(open.Number, ClosedBy.Tidemark, stale, cancellationToken).ConfigureAwait(false);
        if (branchExists)
        {
            await recorder.Trail.TrackAsync(AuditActions.BranchDelete, recorder.BranchTarget, () => forge.DeleteBranchAsync(settings.UpdateBranch, cancellationToken),
                "stale pull request closed", cancellationToken).ConfigureAwait(false);
        }

        var managed = (await recorder.FindAsync(cancellationToken).ConfigureAwait(false)) ?? recorder.Empty();
        await recorder.SaveAsync(managed with { Number = open.Number, Url = open.Url, State = PullRequestState.Closed, ClosedByPersonWithoutMerge = false, LastPushedSha = null }, cancellationToken).ConfigureAwait(false);
        return Result(PublishAction.Closed, nothing, open, [$"closed #{open.Number}: {settings.BaseBranch} already has its updates; deleted {settings.UpdateBranch}"]);
    }

    /// <summary>
    /// The managed pull request was merged on the forge since the last run (<c>merged</c> or <c>merged_at</c>): it is
    /// recorded as <see cref="PullRequestState.Merged"/> — a merge is never a person's "no" — and a note says so.
    /// Returns the record as it now is and the note, or the record unchanged and null.
    /// </summary>
    /// <summary>
    /// Records a merged pull request as merged, once, and deletes its update branch when the branch is still exactly
    /// what was merged (a branch with newer commits is left); a token that may not delete it is said once, here.
    /// </summary>
    /// <returns>The record, the note to print, and whether the update branch was deleted.</returns>
    public async Task<(ManagedPullRequest? Managed, string? Note, bool BranchDeleted)> RecordMergedAsync(ManagedPullRequest? managed, string? updateSha, CancellationToken cancellationToken)
    {
        if (managed is not { State: PullRequestState.Open, Number: { } number })
        {
            return (managed, null, false);
        }

        var closed = await forge.FindPullRequestsAsync(settings.UpdateBranch, PullRequestStateFilter.Closed, cancellationToken).ConfigureAwait(false);
        if (closed.FirstOrDefault(p => p.Number == number && p.Merged) is not { } pull)
        {
            return (managed, null, false);
        }

        var record = managed with { Url = pull.Url, State = PullRequestState.Merged, ClosedByPersonWithoutMerge = false };
        await SaveUnlessDryAsync(record, cancellationToken).ConfigureAwait(false);
        if (!settings.DryRun)
        {
            await recorder.RecordClosureAsync(number, ClosedBy.Merge, "merged", cancellationToken).ConfigureAwait(false);
        }

        var note = $"#{number} was merged into {settings.BaseBranch}; recorded as merged";
        if (updateSha is null || updateSha != pull.HeadSha)
        {
            return (record, note, false);
        }
        if (settings.DryRun)
        {
            return (record, $"{note}; dry run: would delete {settings.UpdateBranch}", false);
        }
        try
        {
            await recorder.Trail.TrackAsync(AuditActions.BranchDelete, recorder.BranchTarget, () => forge.DeleteBranchAsync(settings.UpdateBranch, cancellationToken),
                $"#{number} merged", cancellationToken).ConfigureAwait(false);
            return (record, $"{note}; {settings.UpdateBranch} deleted", true);
        }
        catch (ForgeException e)
        {
            return (record, $"{note}; {settings.UpdateBranch} was not deleted: {e.Message}", false);
        }
    }

    /// <summary>A pull request a person closed without merging, proposing exactly <paramref name="targets"/>; null when there is none or one is open.</summary>
    public async Task<Outcome?> FindDeclinedAsync(IReadOnlyDictionary<string, string> targets, ManagedPullRequest? managed, CancellationToken cancellationToken)
    {
        var open = await forge.FindOpenPullRequestAsync(settings.UpdateBranch, settings.BaseBranch, cancellationToken).ConfigureAwait(false);
        if (open is not null)
        {
            return null;
        }

        var closed = await forge.FindPullRequestsAsync(settings.UpdateBranch, PullRequestStateFilter.Closed, cancellationToken).ConfigureAwait(false);
        foreach (var pull in closed.Where(p => !p.Merged))
        {
            if (PullRequestMarker.Parse(pull.Body) is not { } marker || !marker.SameTargets(targets)
                || await recorder.ClosedByTidemarkAsync(pull.Number, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var record = (managed ?? recorder.Empty()) with { Number = pull.Number, Url = pull.Url, State = PullRequestState.Closed, Targets = targets, ClosedByPersonWithoutMerge = true };
            await SaveUnlessDryAsync(record, cancellationToken).ConfigureAwait(false);
            if (!settings.DryRun)
            {
                await recorder.RecordClosureAsync(pull.Number, ClosedBy.Person, "closed without merging by a person", cancellationToken).ConfigureAwait(false);
            }

            var why = $"#{pull.Number} proposing exactly these updates was closed without merging by a person; it is not reopened or proposed again. A newer tag will be proposed in a new pull request.";
            return Result(PublishAction.Declined, new PushResult(false, "not pushed: these targets were declined", null), pull, [why]);
        }

        return null;
    }

    /// <summary>
    /// True when no pull request of the update branch is open and one showing exactly <paramref name="headSha"/> was
    /// closed: the person who committed there closed it, so the branch is Tidemark's to replace again.
    /// </summary>
    public async Task<bool> WasClosedAsync(string headSha, CancellationToken cancellationToken)
    {
        if (await forge.FindOpenPullRequestAsync(settings.UpdateBranch, settings.BaseBranch, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var closed = await forge.FindPullRequestsAsync(settings.UpdateBranch, PullRequestStateFilter.Closed, cancellationToken).ConfigureAwait(false);
        return closed.Any(p => p.HeadSha == headSha);
    }

    /// <summary>Someone else committed to the update branch: push nothing, say so, and tell the pull request once.</summary>
    public async Task<Outcome> PauseAsync(IReadOnlyList<GitCommitInfo> foreign, CancellationToken cancellationToken)
    {
        var who = string.Join("; ", foreign.Select(c => $"{Publisher.Short(c.Sha)} by {c.Author.Name} <{c.Author.Email}> \"{c.Subject}\""));
        var report = $"{settings.UpdateBranch} has commits Tidemark did not make ({who}); Tidemark will not overwrite them. Updates resume when the branch is deleted or its pull request closed.";
        var push = new PushResult(false, "not pushed: the update branch has commits Tidemark did not make", null);
        var open = await forge.FindOpenPullRequestAsync(settings.UpdateBranch, settings.BaseBranch, cancellationToken).ConfigureAwait(false);
        if (open is null || settings.DryRun || await recorder.PauseAnnouncedAsync(open.Number, cancellationToken).ConfigureAwait(false))
        {
            return Result(PublishAction.Paused, push, open, [report]);
        }

        var comment = $"Tidemark found commits on `{settings.UpdateBranch}` that it did not make ({who}), so automated image updates to this pull request are paused. They resume when the branch is deleted or this pull request is closed.";
        await recorder.Trail.TrackAsync(AuditActions.PullRequestComment, recorder.PullTarget(open.Number), () => forge.CommentAsync(open.Number, comment, cancellationToken),
            "paused: " + who, cancellationToken).ConfigureAwait(false);
        TidemarkMetrics.PullRequestAction(settings.Repository, "commented");
        await recorder.RecordPauseAnnouncedAsync(open.Number, cancellationToken).ConfigureAwait(false);
        return Result(PublishAction.Paused, push, open, [report, $"commented on #{open.Number} that updates are paused"]);
    }

    /// <summary>Creates or updates the pull request; a refusal is recorded as pr.update of the open one Tidemark knows, else as pr.create.</summary>
    private async Task<EnsureOutcome> EnsureAuditedAsync(PullRequestSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return await forge.EnsurePullRequestAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var known = await recorder.FindAsync(CancellationToken.None).ConfigureAwait(false);
            var (action, target) = known is { Number: { } number, State: PullRequestState.Open }
                ? (AuditActions.PullRequestUpdate, recorder.PullTarget(number))
                : (AuditActions.PullRequestCreate, recorder.BranchTarget);
            await recorder.Trail.RecordFailureAsync(action, target, e).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<Outcome> PreviewAsync(PullRequestSpec spec, PushResult push, CancellationToken cancellationToken)
    {
        var open = await forge.FindOpenPullRequestAsync(spec.UpdateBranch, spec.BaseBranch, cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            return Result(PublishAction.Created, push, null, [$"dry run: would open a pull request \"{spec.Title}\" from {spec.UpdateBranch} into {spec.BaseBranch}"]);
        }

        var same = open.Title == spec.Title && open.Body == spec.Body;
        return Result(same ? PublishAction.Unchanged : PublishAction.Updated, push, open, same ? [] : [$"dry run: would update #{open.Number}"]);
    }

    private async Task SaveOpenAsync(PullRequestInfo pull, IReadOnlyList<PlannedChange> changes, string? remoteSha, CancellationToken cancellationToken)
    {
        var managed = (await recorder.FindAsync(cancellationToken).ConfigureAwait(false)) ?? recorder.Empty();
        var record = managed with
        {
            Number = pull.Number,
            Url = pull.Url,
            State = PullRequestState.Open,
            Targets = ChangeText.Targets(changes),
            ClosedByPersonWithoutMerge = false,
            LastPushedSha = remoteSha ?? managed.LastPushedSha,
        };
        await recorder.SaveAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private Task SaveUnlessDryAsync(ManagedPullRequest record, CancellationToken cancellationToken) =>
        settings.DryRun ? Task.CompletedTask : recorder.SaveAsync(record, cancellationToken);

    private Outcome Result(PublishAction action, PushResult push, PullRequestInfo? pull, IReadOnlyList<string> notes) =>
        new(action, push.Pushed, push.Reason, pull?.Number, pull?.Url, notes, settings.DryRun) { Commit = push.RemoteSha };
}
