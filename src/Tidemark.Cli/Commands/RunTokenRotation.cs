using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Doctor;
using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// Chooses the token of a run. With a next token configured it is checked on every run (read only: GET /rate_limit,
/// then the repository); once it works it is used for everything and the state store remembers when it first worked,
/// so the current token can be revoked within the overlap window and is warned about after it. When the next token
/// does not work, the current one is used and the reason is a warning.
/// </summary>
internal sealed class RunTokenRotation(CliEnvironment env, ISecretRedactor redactor, StateStore state, TokenTarget target, Func<RunCredentials, IForge> forgeFor)
{
    public async Task<RunTokenChoice> ChooseAsync(RunTokenSources sources, CancellationToken cancellationToken)
    {
        RunCredentials? current = null;
        TokenSourceException? currentError = null;
        try
        {
            current = await RunToken.ResolveAsync(sources.Current, "token", env, redactor, target, state.AuditWriter, cancellationToken).ConfigureAwait(false);
        }
        catch (TokenSourceException e) when (sources.Next is not null)
        {
            currentError = e;
        }

        if (sources.Next is not null && await TryNextAsync(sources, current, cancellationToken).ConfigureAwait(false) is { } next)
        {
            return next;
        }

        if (current is null)
        {
            throw currentError!;
        }

        await env.Error.WriteLineAsync($"tidemark: token {current.Resolved.Fingerprint} from {current.Resolved.Source}").ConfigureAwait(false);
        var probe = await ProbeAsync(current, cancellationToken).ConfigureAwait(false);
        return new RunTokenChoice(current, RunTokenChoice.Current, probe);
    }

    private async Task<RunTokenChoice?> TryNextAsync(RunTokenSources sources, RunCredentials? currentCredentials, CancellationToken cancellationToken)
    {
        var current = currentCredentials?.Resolved;
        var (read, error) = await ReadNextAsync(sources.Next!, cancellationToken).ConfigureAwait(false);
        if (read is not { } nextCredentials)
        {
            await WarnAsync($"the next token cannot be read ({error!.Message}); using the current token").ConfigureAwait(false);
            return null;
        }

        var next = nextCredentials.Resolved;
        if (current is not null && current.Fingerprint == next.Fingerprint)
        {
            return null;
        }

        var probe = await ProbeAsync(nextCredentials, cancellationToken).ConfigureAwait(false);
        if (!probe.Works)
        {
            var reason = probe.Problem?.Message ?? "it was refused";
            await WarnAsync($"the next token ({next.Fingerprint} from {next.Source}) does not work yet: {reason}; using the current token{(current is null ? "" : $" ({current.Fingerprint})")}").ConfigureAwait(false);
            return null;
        }

        await env.Error.WriteLineAsync($"tidemark: token {next.Fingerprint} from {next.Source} (next token, checked and working)").ConfigureAwait(false);
        if (current is not null)
        {
            var since = await state.TokenWriter.RecordNextWorkedAsync(next.Fingerprint.ToString(), current.Fingerprint.ToString(), sources.Overlap, cancellationToken).ConfigureAwait(false);
            var window = new RotationWindow(since, sources.Overlap, env.Time.GetUtcNow());
            var line = window.Message(current.Fingerprint.ToString(), next.Fingerprint.ToString());
            await env.Error.WriteLineAsync(window.WithinOverlap ? $"tidemark: token rotation: {line}" : $"tidemark: warning: {line}").ConfigureAwait(false);
        }

        return new RunTokenChoice(nextCredentials, RunTokenChoice.Next, probe);
    }

    /// <summary>
    /// For <c>doctor</c>: reads and probes the next token as <see cref="ChooseAsync"/> does, without switching to it or
    /// recording anything, and finds the rotation the state store recorded for it (the latest, if any).
    /// </summary>
    public async Task<NextTokenReport> InspectNextAsync(RunTokenSources sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var (credentials, error) = await ReadNextAsync(sources.Next ?? throw new ArgumentException("no next token configured", nameof(sources)), cancellationToken).ConfigureAwait(false);
        if (credentials is null)
        {
            return new NextTokenReport(null, error, null, null, sources.Overlap);
        }

        var probe = await ProbeAsync(credentials, cancellationToken).ConfigureAwait(false);
        var fingerprint = credentials.Resolved.Fingerprint.ToString();
        var rotations = await state.TokenReader.ListRotationsAsync(cancellationToken).ConfigureAwait(false);
        return new NextTokenReport(credentials.Resolved, null, probe, rotations.FirstOrDefault(r => r.NextFingerprint == fingerprint), sources.Overlap);
    }

    private async Task<(RunCredentials?, TokenSourceException?)> ReadNextAsync(TokenSourceConfig next, CancellationToken cancellationToken)
    {
        try
        {
            return (await RunToken.ResolveAsync(next, "nextToken", env, redactor, target, state.AuditWriter, cancellationToken).ConfigureAwait(false), null);
        }
        catch (TokenSourceException e)
        {
            return (null, e);
        }
    }

    /// <summary>The forge belongs to whoever made it (it goes on with the chosen token's forge); it is not disposed here.</summary>
    private Task<TokenProbe> ProbeAsync(RunCredentials token, CancellationToken cancellationToken) => forgeFor(token).ProbeTokenAsync(cancellationToken);

    private Task WarnAsync(string message) => env.Error.WriteLineAsync("tidemark: warning: " + message);
}
