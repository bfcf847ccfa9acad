using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// Chooses the token of a run. With a next token configured it is checked on every run (read only: GET /rate_limit,
/// then the repository); once it works it is used for everything and the state store remembers when it first worked,
/// so the current token can be revoked within the overlap window and is warned about after it. When the next token
/// does not work, the current one is used and the reason is a warning.
/// </summary>
internal sealed class RunTokenRotation(CliEnvironment env, ISecretRedactor redactor, StateStore state, Func<ResolvedToken, IForge> forgeFor)
{
    public async Task<RunTokenChoice> ChooseAsync(RunTokenSources sources, CancellationToken cancellationToken)
    {
        ResolvedToken? current = null;
        TokenSourceException? currentError = null;
        try
        {
            current = await RunToken.ResolveAsync(sources.Current, "token", env, redactor, cancellationToken).ConfigureAwait(false);
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

        await env.Error.WriteLineAsync($"tidemark: token {current.Fingerprint} from {current.Source}").ConfigureAwait(false);
        var probe = await ProbeAsync(current, cancellationToken).ConfigureAwait(false);
        return new RunTokenChoice(current, RunTokenChoice.Current, probe);
    }

    private async Task<RunTokenChoice?> TryNextAsync(RunTokenSources sources, ResolvedToken? current, CancellationToken cancellationToken)
    {
        ResolvedToken next;
        try
        {
            next = await RunToken.ResolveAsync(sources.Next!, "nextToken", env, redactor, cancellationToken).ConfigureAwait(false);
        }
        catch (TokenSourceException e)
        {
            await WarnAsync($"the next token cannot be read ({e.Message}); using the current token").ConfigureAwait(false);
            return null;
        }

        if (current is not null && current.Fingerprint == next.Fingerprint)
        {
            return null;
        }

        var probe = await ProbeAsync(next, cancellationToken).ConfigureAwait(false);
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

        return new RunTokenChoice(next, RunTokenChoice.Next, probe);
    }

    private async Task<TokenProbe> ProbeAsync(ResolvedToken token, CancellationToken cancellationToken)
    {
        var forge = forgeFor(token);
        try
        {
            return await forge.ProbeTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (forge as IDisposable)?.Dispose();
        }
    }

    private Task WarnAsync(string message) => env.Error.WriteLineAsync("tidemark: warning: " + message);
}
