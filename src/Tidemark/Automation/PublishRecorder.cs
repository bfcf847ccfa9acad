using System.Globalization;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// The Record stage's writes for one repository and update branch: audit events (for people), the managed pull
/// request, and what a later run asks — which commits Tidemark pushed, who closed a pull request, whether a pause was
/// already announced — kept as state keyed by repository and branch, never read back from the audit log. Never holds a token.
/// </summary>
internal sealed class PublishRecorder(StateStore state, PublishSettings settings, AuditTrail trail)
{
    public string BranchTarget => $"{settings.Repository}@{settings.UpdateBranch}";

    public static string PullTarget(string repository, int number) => $"{repository}#{number}";

    public string PullTarget(int number) => PullTarget(settings.Repository, number);

    /// <summary>The audit trail, naming the GitHub token of this run.</summary>
    public AuditTrail Trail => trail;

    public Task AuditAsync(AuditAction action, string target, AuditOutcome outcome, string detail, CancellationToken cancellationToken) =>
        trail.RecordAsync(action, target, outcome, detail, cancellationToken);

    public Task<ManagedPullRequest?> FindAsync(CancellationToken cancellationToken) =>
        state.PullRequestReader.FindPullRequestAsync(settings.Repository, settings.UpdateBranch, cancellationToken);

    public Task SaveAsync(ManagedPullRequest pullRequest, CancellationToken cancellationToken) =>
        state.PullRequestWriter.SavePullRequestAsync(pullRequest, cancellationToken);

    /// <summary>A record to start from when none exists yet.</summary>
    public ManagedPullRequest Empty() =>
        new(settings.Repository, settings.UpdateBranch, null, null, PullRequestState.Open, new Dictionary<string, string>(), false, null);

    /// <summary>Every commit Tidemark pushed (or was about to push) to the update branch; null when it has no memory of any.</summary>
    public async Task<IReadOnlySet<string>?> PushedShasAsync(ManagedPullRequest? managed, CancellationToken cancellationToken)
    {
        var pushed = await state.PushedCommitReader.ListPushedCommitsAsync(settings.Repository, settings.UpdateBranch, cancellationToken).ConfigureAwait(false);
        var shas = pushed.Select(p => p.Sha).ToHashSet(StringComparer.Ordinal);
        if (managed?.LastPushedSha is { } last)
        {
            shas.Add(last);
        }

        return shas.Count == 0 ? null : shas;
    }

    /// <summary>Remembers that Tidemark pushes (or is about to push) <paramref name="sha"/> to the update branch.</summary>
    public Task RecordPushAsync(string sha, CancellationToken cancellationToken) =>
        state.PushedCommitWriter.RecordPushedCommitAsync(new PushedCommit(settings.Repository, settings.UpdateBranch, sha, trail.RunId), cancellationToken);

    /// <summary>True when Tidemark itself closed pull request <paramref name="number"/> (stale), so its closing says nothing about a person's wish.</summary>
    public async Task<bool> ClosedByTidemarkAsync(int number, CancellationToken cancellationToken) =>
        (await state.ClosureReader.FindClosureAsync(settings.Repository, number, cancellationToken).ConfigureAwait(false))?.ClosedBy == ClosedBy.Tidemark;

    /// <summary>Remembers who closed pull request <paramref name="number"/> of the update branch (the first word stays).</summary>
    public Task RecordClosureAsync(int number, ClosedBy closedBy, string reason, CancellationToken cancellationToken) =>
        state.ClosureWriter.TryRecordClosureAsync(new PullRequestClosure(settings.Repository, settings.UpdateBranch, number, closedBy, reason), cancellationToken);

    /// <summary>True when the pause was already announced on pull request <paramref name="number"/> (comment once).</summary>
    public Task<bool> PauseAnnouncedAsync(int number, CancellationToken cancellationToken) =>
        state.AnnouncementReader.WasAnnouncedAsync(settings.Repository, settings.UpdateBranch, AnnouncementKind.Pause, Key(number), cancellationToken);

    /// <summary>Remembers that the pause was announced on pull request <paramref name="number"/>.</summary>
    public Task RecordPauseAnnouncedAsync(int number, CancellationToken cancellationToken) =>
        state.AnnouncementWriter.TryRecordAnnouncementAsync(new Announcement(settings.Repository, settings.UpdateBranch, AnnouncementKind.Pause, Key(number)), cancellationToken);

    private static string Key(int number) => number.ToString(CultureInfo.InvariantCulture);
}
