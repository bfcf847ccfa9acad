using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Doctor;
using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.Credentials;

/// <summary>
/// Chooses the token of a run. With a next token configured it is checked on every run: first read only (GET
/// /rate_limit, then the repository), and after the checkout, when the update branch and paths are known, every
/// capability the run needs (<see cref="RunTokenProof"/>: push by <c>git push --dry-run</c>, pull requests, workflows).
/// Only a next token that proved them all is adopted — used for everything, and the state store remembers when, so the
/// current token can be revoked within the overlap window. Until then the current token is used and the warning names
/// the capability the next token lacks (issue #10 §1).
/// </summary>
internal sealed class RunTokenRotation(TimeProvider time, Func<string, string?> variable, ISecretRedactor redactor, IRunReport report, StateStore state, TokenTarget target, Func<RunCredentials, IForgeDiagnostics> forgeFor)
{
    private RunTokenChoice? current;
    private string? currentTrouble;
    private TimeSpan overlap;

    /// <summary>
    /// The token the run starts with (it clones and fetches). A next token that passed the read probe starts the run
    /// unproven, with the current token as its fallback (when that can be read and works); otherwise the current token.
    /// </summary>
    public async Task<RunTokenChoice> ChooseAsync(RunTokenSources sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        overlap = sources.Overlap;
        RunCredentials? currentCredentials = null;
        TokenSourceException? currentError = null;
        try
        {
            currentCredentials = await RunToken.ResolveAsync(sources.Current, "token", time, variable, redactor, target, state.AuditWriter, cancellationToken).ConfigureAwait(false);
        }
        catch (TokenSourceException e) when (sources.Next is not null)
        {
            (currentError, currentTrouble) = (e, $"cannot be read ({e.Message})");
        }

        var candidate = sources.Next is null ? null : await CandidateAsync(sources.Next, currentCredentials?.Resolved, cancellationToken).ConfigureAwait(false);
        if (currentCredentials is not null)
        {
            current = new RunTokenChoice(currentCredentials, RunTokenChoice.Current, await ProbeAsync(currentCredentials, cancellationToken).ConfigureAwait(false));
            currentTrouble = current.Probe.Works ? null : $"({current.Fingerprint}) does not work ({current.Probe.Problem?.Message ?? "GitHub refused it"})";
        }

        if (candidate is not null)
        {
            var fallback = currentTrouble is null ? current : null;
            await report.NoteAsync($"token {candidate.Fingerprint} from {candidate.Token.Source} (next token: it reads the repository; it is adopted only once it proves it can push and open pull requests{(fallback is null ? "" : $", else the current token ({fallback.Fingerprint}) is used")})").ConfigureAwait(false);
            return candidate with { Proven = false, Fallback = fallback };
        }

        if (current is null)
        {
            throw currentError!;
        }

        await PrintCurrentAsync(current).ConfigureAwait(false);
        return current;
    }

    /// <summary>
    /// After the checkout: proves an unproven next token with <paramref name="prove"/>, and returns the token the run
    /// goes on with — the next token when it proved everything, else the fallback (see <see cref="RefuseAsync"/>).
    /// </summary>
    public async Task<RunTokenChoice> AdoptAsync(RunTokenChoice choice, Func<RunCredentials, TokenProbe, Task<TokenProof>> prove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(prove);
        if (choice.Proven)
        {
            return choice;
        }

        var proof = await prove(choice.Credentials, choice.Probe).ConfigureAwait(false);
        if (!proof.Complete)
        {
            return await RefuseAsync(choice, proof, cancellationToken).ConfigureAwait(false);
        }

        await report.NoteAsync($"token {choice.Fingerprint} from {choice.Token.Source} (next token, {proof.Describe()})").ConfigureAwait(false);
        if (current is not null)
        {
            var since = await state.TokenWriter.RecordNextWorkedAsync(choice.Fingerprint, current.Fingerprint, overlap, cancellationToken).ConfigureAwait(false);
            var window = new RotationWindow(since, overlap, time.GetUtcNow());
            var line = window.Message(current.Fingerprint, choice.Fingerprint);
            await (window.WithinOverlap ? report.NoteAsync($"token rotation: {line}") : report.WarnAsync(line)).ConfigureAwait(false);
        }

        return choice with { Proven = true, Fallback = null };
    }

    /// <summary>
    /// The unproven next token lacks what <paramref name="proof"/> says: recorded (audit <c>token.check</c> denied, and
    /// the refusal in the state store) and the run goes on with the current token, which is named as still needed. Without
    /// a usable current token the run fails, naming both reasons.
    /// </summary>
    public async Task<RunTokenChoice> RefuseAsync(RunTokenChoice next, TokenProof proof, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(proof);
        var lacking = $"{proof.Lacking} ({proof.Reason})";
        var trail = new AuditTrail(state.AuditWriter, next.Fingerprint);
        await trail.RecordAsync(AuditActions.TokenCheck, target.FullName, proof.Denied ? AuditOutcomes.Denied : AuditOutcomes.Failed,
            $"run: next token not adopted: it cannot {lacking}", cancellationToken).ConfigureAwait(false);
        if (next.Fallback is not { } fallback)
        {
            throw new NoWorkingTokenException(
                $"no token can do this run's work: the next token ({next.Fingerprint} from {next.Token.Source}) cannot {lacking} — {proof.Fix}; and the current token {currentTrouble ?? "is not configured"}");
        }

        await state.TokenWriter.RecordNextRefusedAsync(next.Fingerprint, fallback.Fingerprint, lacking, cancellationToken).ConfigureAwait(false);
        await WarnAsync($"the next token ({next.Fingerprint} from {next.Token.Source}) is not used: it cannot {lacking} — {proof.Fix}; using the current token ({fallback.Fingerprint}), which must not be revoked").ConfigureAwait(false);
        await PrintCurrentAsync(fallback).ConfigureAwait(false);
        return fallback;
    }

    /// <summary>
    /// For <c>doctor</c>: reads and probes the next token as <see cref="ChooseAsync"/> does and, when <paramref name="prove"/>
    /// is given (the checkout succeeded), proves it as <see cref="AdoptAsync"/> does — without switching to it or
    /// recording anything — and finds the rotation the state store recorded for it (the latest, if any).
    /// </summary>
    public async Task<NextTokenReport> InspectNextAsync(RunTokenSources sources, Func<RunCredentials, TokenProbe, Task<TokenProof>>? prove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var (credentials, error) = await ReadNextAsync(sources.Next ?? throw new ArgumentException("no next token configured", nameof(sources)), cancellationToken).ConfigureAwait(false);
        if (credentials is null)
        {
            return new NextTokenReport(null, error, null, null, sources.Overlap, null);
        }

        var probe = await ProbeAsync(credentials, cancellationToken).ConfigureAwait(false);
        var proof = probe.Works && prove is not null ? await prove(credentials, probe).ConfigureAwait(false) : null;
        var fingerprint = credentials.Resolved.Fingerprint.ToString();
        var rotations = await state.TokenReader.ListRotationsAsync(cancellationToken).ConfigureAwait(false);
        return new NextTokenReport(credentials.Resolved, null, probe, rotations.FirstOrDefault(r => r.NextFingerprint == fingerprint), sources.Overlap, proof);
    }

    /// <summary>The next token when it can be read, differs from the current one and passes the read probe; otherwise null, with a warning.</summary>
    private async Task<RunTokenChoice?> CandidateAsync(TokenSourceConfig source, ResolvedToken? currentToken, CancellationToken cancellationToken)
    {
        var (read, error) = await ReadNextAsync(source, cancellationToken).ConfigureAwait(false);
        if (read is not { } nextCredentials)
        {
            await WarnAsync($"the next token cannot be read ({error!.Message}); using the current token").ConfigureAwait(false);
            return null;
        }

        var next = nextCredentials.Resolved;
        if (currentToken is not null && currentToken.Fingerprint == next.Fingerprint)
        {
            return null;
        }

        var probe = await ProbeAsync(nextCredentials, cancellationToken).ConfigureAwait(false);
        if (!probe.Works)
        {
            var reason = probe.Problem?.Message ?? "it was refused";
            await WarnAsync($"the next token ({next.Fingerprint} from {next.Source}) does not work yet: {reason}; using the current token{(currentToken is null ? "" : $" ({currentToken.Fingerprint})")}").ConfigureAwait(false);
            return null;
        }

        return new RunTokenChoice(nextCredentials, RunTokenChoice.Next, probe);
    }

    private async Task<(RunCredentials?, TokenSourceException?)> ReadNextAsync(TokenSourceConfig next, CancellationToken cancellationToken)
    {
        try
        {
            return (await RunToken.ResolveAsync(next, "nextToken", time, variable, redactor, target, state.AuditWriter, cancellationToken).ConfigureAwait(false), null);
        }
        catch (TokenSourceException e)
        {
            return (null, e);
        }
    }

    /// <summary>The forge belongs to whoever made it (it goes on with the chosen token's forge); it is not disposed here.</summary>
    private Task<TokenProbe> ProbeAsync(RunCredentials token, CancellationToken cancellationToken) => forgeFor(token).ProbeTokenAsync(cancellationToken);

    private Task PrintCurrentAsync(RunTokenChoice token) => report.NoteAsync($"token {token.Fingerprint} from {token.Token.Source}");

    private Task WarnAsync(string message) => report.WarnAsync(message);
}
