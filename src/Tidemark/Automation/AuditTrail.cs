using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// The one way to write the audit trail: each event carries the fingerprint of the token that was used (never the
/// token), an action of <see cref="AuditActions"/>, a target, an outcome of <see cref="AuditOutcomes"/> and a detail
/// the store redacts. Every event is also logged with the stable event name <c>ACTION.OUTCOME</c> (e.g.
/// <c>git.push.denied</c>). Each event of a <c>tidemark run</c> carries its run id (<see cref="RunIds"/>), by which the
/// token ledger counts the run's actions. Example: <c>new AuditTrail(state.AuditWriter, "classic …abcd #3f9c1e", logger, runId)</c>.
/// </summary>
internal sealed class AuditTrail(IAuditWriter writer, string? tokenFingerprint, ILogger? logger = null, string? runId = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public string? TokenFingerprint => tokenFingerprint;

    /// <summary>The run this trail records for; null outside a run (doctor, token check).</summary>
    public string? RunId => runId;

    /// <summary>The same trail (same run) naming another credential, e.g. a registry's (null: none was used).</summary>
    public AuditTrail WithToken(string? fingerprint) => new(writer, fingerprint, _logger, runId);

    public async Task RecordAsync(AuditAction action, string target, AuditOutcome outcome, string detail, CancellationToken cancellationToken)
    {
        await writer.AppendAsync(new AuditEvent(action, target, outcome, tokenFingerprint, detail, runId), cancellationToken).ConfigureAwait(false);
        Log(action, target, outcome, detail);
    }

    /// <summary>Records the classified failure of <paramref name="action"/> (denied or failed); the caller rethrows.</summary>
    public Task RecordFailureAsync(AuditAction action, string target, Exception exception, string? detailPrefix = null)
    {
        var failure = AuditFailure.Of(exception);
        var detail = detailPrefix is null ? failure.Detail : detailPrefix + " " + failure.Detail;
        return RecordAsync(action, target, failure.Outcome, detail, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="work"/> and records it: ok with <paramref name="detail"/> of its result, or its classified failure (rethrown).</summary>
    public async Task<T> TrackAsync<T>(AuditAction action, string target, Func<Task<T>> work, Func<T, string> detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(detail);
        T result;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await RecordFailureAsync(action, target, e).ConfigureAwait(false);
            throw;
        }

        await RecordAsync(action, target, AuditOutcomes.Ok, detail(result), cancellationToken).ConfigureAwait(false);
        return result;
    }

    public Task TrackAsync(AuditAction action, string target, Func<Task> work, string detail, CancellationToken cancellationToken) =>
        TrackAsync(action, target, async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        }, _ => detail, cancellationToken);

    /// <summary>Fetches the base and update branches of <paramref name="git"/>, recorded as <c>git.fetch</c> of <paramref name="repository"/>.</summary>
    public Task<RemoteBranchHeads> FetchAsync(GitRepository git, string repository, string baseBranch, string updateBranch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        return TrackAsync(AuditActions.GitFetch, repository, () => git.FetchAsync(baseBranch, updateBranch, cancellationToken),
            heads => $"{baseBranch} {Publisher.Short(heads.BaseSha)}, {updateBranch} {(heads.UpdateSha is { } update ? Publisher.Short(update) : "absent")}", cancellationToken);
    }

    /// <summary>
    /// The event name is ACTION.OUTCOME from the audit vocabulary, so it is not one [LoggerMessage] per name; the
    /// fields are the audit event's, and the message carries the outcome word for <c>grep -E "error|fail|denied"</c>.
    /// </summary>
    private void Log(AuditAction action, string target, AuditOutcome outcome, string detail)
    {
        var level = outcome == AuditOutcomes.Ok ? LogLevel.Information : LogLevel.Error;
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        var name = $"{action}.{outcome}";
        var state = new AuditLogState(action.Name, target, outcome.Name, tokenFingerprint, detail);
        _logger.Log(level, new EventId(AuditLogState.EventId, name), state, null, (s, _) => s.ToString());
    }
}
