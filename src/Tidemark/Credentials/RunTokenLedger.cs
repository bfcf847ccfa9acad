using Tidemark.Automation;
using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.Credentials;

/// <summary>
/// One run's bookkeeping of its token: records the use (first and last use, expiry, role, action counts) by
/// fingerprint; warns at 14, 7 and 1 days before the expiry in the run's report, in the log and in the audit trail (action
/// <c>token.expiry</c>) on every run, and once per threshold as a comment on the open update pull request; refuses
/// an expired token.
/// </summary>
internal sealed class RunTokenLedger(TimeProvider time, IRunReport report, StateStore state, RunTokenChoice choice, string repository, AuditTrail audit)
{
    private ExpiryNotice? notice;
    private DateTimeOffset? expiry;

    /// <summary>Before any work: the expiry notice, if one is due. Throws <see cref="ForgeException"/> when the token has expired.</summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        var known = await state.TokenReader.FindTokenAsync(choice.Fingerprint, cancellationToken).ConfigureAwait(false);
        var probe = choice.Probe;
        // an expired token gets no expiry header (GitHub answers 401): what an earlier run learned tells why
        expiry = probe.ExpiresAt ?? (probe.ExpiryUnknown || !probe.Works ? known?.ExpiresAt : null);
        await RecordAsync(new Dictionary<string, int>(), cancellationToken).ConfigureAwait(false);
        notice = ExpiryNotice.For(expiry, time.GetUtcNow());
        if (probe.ExpiryUnknown && expiry is null)
        {
            await report.NoteAsync($"token {choice.Fingerprint}: expiry could not be determined (GitHub reported the current time instead of the expiry date), so no expiry warning can be given").ConfigureAwait(false);
        }

        if (notice is null)
        {
            return;
        }

        var message = notice.Message(choice.Fingerprint);
        // a threshold reached is recorded ok (the run goes on, warned); an expired token is the run failing
        await audit.RecordAsync(AuditActions.TokenExpiry, repository, notice.Expired ? AuditOutcomes.Failed : AuditOutcomes.Ok, message, cancellationToken).ConfigureAwait(false);
        if (notice.Expired)
        {
            throw new ForgeException(ForgeErrorKind.BadCredentials, "error: " + message);
        }

        await report.WarnAsync(message).ConfigureAwait(false);
    }

    /// <summary>After publishing: comments the expiry notice on the open update pull request, once per threshold and token.</summary>
    public async Task CommentAsync(IForge forge, PublishSettings settings, CancellationToken cancellationToken)
    {
        if (notice is null || notice.Expired || settings.DryRun
            || await state.TokenReader.ExpiryCommentedAsync(choice.Fingerprint, notice.Threshold, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var pull = await forge.FindOpenPullRequestAsync(settings.UpdateBranch, settings.BaseBranch, cancellationToken).ConfigureAwait(false);
        if (pull is null)
        {
            return;
        }

        var target = PublishRecorder.PullTarget(repository, pull.Number);
        try
        {
            await forge.CommentAsync(pull.Number, CommentBody(notice), cancellationToken).ConfigureAwait(false);
        }
        catch (ForgeException e)
        {
            await audit.RecordAsync(AuditActions.PullRequestComment, target, AuditOutcomes.Failed, $"token.expiry {notice.Threshold}: {e.Kind}", cancellationToken).ConfigureAwait(false);
            await report.WarnAsync($"could not comment the token's expiry on pull request #{pull.Number}: {e.Message}").ConfigureAwait(false);
            return;
        }

        await state.TokenWriter.TryRecordExpiryCommentAsync(choice.Fingerprint, notice.Threshold, target, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(AuditActions.PullRequestComment, target, AuditOutcomes.Ok, $"token.expiry {notice.Threshold} days", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// At the end, whatever happened: what the run did with the token (fetches included), counted from the audit events
    /// of this run id and token only, so runs at the same time and events of other repositories do not change the count.
    /// </summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        var counts = audit.RunId is { } runId
            ? await state.AuditReader.CountRunAsync(runId, choice.Fingerprint, cancellationToken).ConfigureAwait(false)
            : [];
        var actions = counts
            .Where(c => c.Outcome != AuditOutcomes.Failed && c.Action != AuditActions.TokenExpiry)
            .GroupBy(c => c.Action.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
        await RecordAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    private Task RecordAsync(IReadOnlyDictionary<string, int> actions, CancellationToken cancellationToken) =>
        state.TokenWriter.RecordUseAsync(new TokenUse(choice.Fingerprint, TokenKindLabels.Label(choice.Token.Fingerprint.Kind), choice.Token.Source,
            choice.Role, repository, expiry, actions), cancellationToken);

    private string CommentBody(ExpiryNotice due) =>
        $"""
        **Tidemark: the GitHub token it pushes with {(due.Threshold == 1 ? "expires within a day" : $"expires in {due.DaysLeft} days")}.**

        {due.Message(choice.Fingerprint)}

        To rotate without downtime: create a new token (do not regenerate this one), configure it as `nextToken` beside the current
        one, check it with `tidemark token check`, and Tidemark switches to it on its next run. Then delete the old token.
        This notice is posted once per threshold (14, 7 and 1 days before the expiry).
        """;
}
