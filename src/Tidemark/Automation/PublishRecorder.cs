using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// The Record stage's writes for one repository and update branch: audit events, the managed pull request, and
/// the questions a later run asks of them (which commits Tidemark pushed, which pull requests it closed itself,
/// whether a pause was already announced). Never holds a token.
/// </summary>
internal sealed class PublishRecorder(StateStore state, PublishSettings settings)
{
    private const int AuditWindow = 500;

    public string BranchTarget => $"{settings.Repository}@{settings.UpdateBranch}";

    public static string PullTarget(string repository, int number) => $"{repository}#{number}";

    public string PullTarget(int number) => PullTarget(settings.Repository, number);

    public Task AuditAsync(string action, string target, string outcome, string detail, CancellationToken cancellationToken) =>
        state.AuditWriter.AppendAsync(new AuditEvent(action, target, outcome, settings.TokenFingerprint, detail), cancellationToken);

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
        var pushes = await QueryAsync("git.push", cancellationToken).ConfigureAwait(false);
        var shas = pushes.Where(p => p.Target == BranchTarget && p.Outcome != "failed").Select(p => p.Detail.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        if (managed?.LastPushedSha is { } last)
        {
            shas.Add(last);
        }

        return shas.Count == 0 ? null : shas;
    }

    /// <summary>True when Tidemark itself closed pull request <paramref name="number"/> (stale), so its closing says nothing about a person's wish.</summary>
    public async Task<bool> ClosedByTidemarkAsync(int number, CancellationToken cancellationToken)
    {
        var closes = await QueryAsync("pr.close", cancellationToken).ConfigureAwait(false);
        return closes.Any(c => c.Target == PullTarget(number) && c.Outcome == "ok");
    }

    /// <summary>True when the pause was already announced on pull request <paramref name="number"/> (comment once).</summary>
    public async Task<bool> PauseAnnouncedAsync(int number, CancellationToken cancellationToken)
    {
        var comments = await QueryAsync("pr.comment", cancellationToken).ConfigureAwait(false);
        return comments.Any(c => c.Target == PullTarget(number) && c.Outcome == "ok" && c.Detail.StartsWith("paused", StringComparison.Ordinal));
    }

    private Task<IReadOnlyList<AuditRecord>> QueryAsync(string action, CancellationToken cancellationToken) =>
        state.AuditReader.QueryAsync(new AuditQuery(Action: action, Limit: AuditWindow), cancellationToken);
}
