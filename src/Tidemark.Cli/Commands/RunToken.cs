using Tidemark.Configuration;
using Tidemark.Credentials;

namespace Tidemark.Cli.Commands;

/// <summary>
/// The GitHub tokens for <c>tidemark run</c>: the current one from <c>--token-command</c>, <c>--token-file</c> (a file,
/// or a mounted Secret's folder with <c>token</c> or <c>password</c>), <c>--token-env</c>, else <c>github.token</c> of the
/// <c>--config</c> file, else <c>GITHUB_TOKEN</c>; the next one (during a rotation) from <c>--next-token-*</c> or
/// <c>github.nextToken</c>. Values are registered with the redactor as they are read, inspected offline (a refresh
/// token, JWT, PEM key or malformed value is refused), and never printed: output names them by fingerprint.
/// </summary>
internal static class RunToken
{
    /// <summary>Where the current and next tokens come from, and the rotation overlap.</summary>
    public static async Task<RunTokenSources> SourcesAsync(RunRequest request, CancellationToken cancellationToken)
    {
        // only the operator's own file names token sources: the repository's tidemark.yaml is read after cloning with
        // the token, and anyone who can commit could otherwise make Tidemark run a command of their choosing
        var github = request.Config is null
            ? new GitHubConfig()
            : (await ConfigFiles.LoadAsync(request.Config, null, TextWriter.Null, cancellationToken).ConfigureAwait(false)).GitHub;
        var current = FromFlags("--token", request.TokenCommand, request.TokenFile, request.TokenEnv)
            ?? github.Token
            ?? new TokenSourceConfig("env", [EnvironmentTokenSource.DefaultVariable], null, new SourcePlace("(default)", 0, 0));
        var next = FromFlags("--next-token", request.NextTokenCommand, request.NextTokenFile, request.NextTokenEnv) ?? github.NextToken;
        return new RunTokenSources(current, next, github.RotationOverlap);
    }

    /// <summary>The current token alone (flags, else <c>github.token</c> of <c>--config</c>, else <c>GITHUB_TOKEN</c>), for commands that need no rotation.</summary>
    public static async Task<ResolvedToken> ReadAsync(RunRequest request, CliEnvironment env, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        var sources = await SourcesAsync(request, cancellationToken).ConfigureAwait(false);
        return await ResolveAsync(sources.Current, "token", env, redactor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one token; errors name where the source was configured.</summary>
    public static async Task<ResolvedToken> ResolveAsync(TokenSourceConfig source, string role, CliEnvironment env, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        var context = new TokenSourceContext(redactor, env.Time, env.Variable);
        if (source.Timeout is { } timeout)
        {
            context = context with { CommandTimeout = timeout };
        }

        try
        {
            var tokenSource = TokenSourceKinds.Create(source.Kind, source.Arguments, context);
            return await TokenResolver.ResolveAsync(tokenSource, cancellationToken).ConfigureAwait(false);
        }
        catch (TokenSourceException e) when (source.Place.Line > 0)
        {
            throw new TokenSourceException($"{source.Place}: github.{role}: {e.TokenSource}", e.Problem, e.Fix);
        }
    }

    /// <summary>Refuses a token whose value is written in the repository; warns about other token-shaped strings.</summary>
    public static async Task EnsureNotLeakedAsync(string workTree, ResolvedToken token, TextWriter warnings, CancellationToken cancellationToken)
    {
        var shaped = await LeakedTokenScanner.EnsureNotLeakedAsync(workTree, token.Value, cancellationToken).ConfigureAwait(false);
        foreach (var leak in shaped)
        {
            await warnings.WriteLineAsync($"tidemark: warning: {leak.File}:{leak.Line}: a string shaped like a GitHub token ({leak.Fingerprint}) is committed; if it is real, revoke it and remove it from the repository").ConfigureAwait(false);
        }
    }

    private static TokenSourceConfig? FromFlags(string prefix, IReadOnlyList<string>? command, FileInfo? file, string? variable)
    {
        var chosen = new (string Kind, IReadOnlyList<string>? Arguments)[]
        {
            ("command", command),
            ("file", file is null ? null : [file.FullName]),
            ("env", variable is null ? null : [variable]),
        }.Where(c => c.Arguments is not null).ToList();
        if (chosen.Count > 1)
        {
            throw new UsageException($"give one token source: {prefix}-command, {prefix}-file or {prefix}-env");
        }

        return chosen.Count == 0 ? null : new TokenSourceConfig(chosen[0].Kind, chosen[0].Arguments!, null, new SourcePlace(prefix + "-" + chosen[0].Kind, 0, 0));
    }
}
