using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// The run's audit writer, remembering in memory every change it was asked to record — whether or not the store took
/// it — so that a run whose state store fails after it pushed or wrote to GitHub can say what it did and that it is not
/// (fully) recorded, instead of losing it silently.
/// </summary>
internal sealed class RunJournal(IAuditWriter store) : IAuditWriter
{
    /// <summary>The actions that change something on GitHub, each with how the journal says it.</summary>
    private static readonly Dictionary<AuditAction, Func<AuditEvent, string>> Changes = new()
    {
        [AuditActions.GitPush] = e => $"pushed {Short(e.Detail)} to {e.Target}",
        [AuditActions.PullRequestCreate] = e => $"opened pull request {e.Target}",
        [AuditActions.PullRequestUpdate] = e => $"updated pull request {e.Target}",
        [AuditActions.PullRequestClose] = e => $"closed pull request {e.Target}",
        [AuditActions.PullRequestComment] = e => $"commented on {e.Target}",
        [AuditActions.BranchDelete] = e => $"deleted {e.Target}",
    };

    private readonly List<AuditEvent> _done = [];

    /// <summary>What the run changed on GitHub so far, e.g. <c>git.push acme/gitops@flux-image-updates (3f2c1a0…)</c>.</summary>
    public IReadOnlyList<string> Done => [.. _done.Select(Describe)];

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (auditEvent.Outcome == AuditOutcomes.Ok && Changes.ContainsKey(auditEvent.Action))
        {
            _done.Add(auditEvent);
        }

        await store.AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(AuditEvent e) => Changes[e.Action](e);

    private static string Short(string detail)
    {
        var sha = detail.Split(' ')[0];
        return sha.Length > 7 ? sha[..7] : sha;
    }
}
