using Tidemark.Credentials;

namespace Tidemark.Cli.Commands;

/// <summary>
/// The GitHub token for <c>tidemark run</c>, from exactly one source: <c>--token-command</c>, <c>--token-file</c>
/// (a file, or a mounted Secret's folder with <c>token</c> or <c>password</c>), <c>--token-env</c>, else
/// <c>GITHUB_TOKEN</c>. The value is registered with the redactor as it is read, inspected offline (a refresh token,
/// JWT, PEM key or malformed value is refused), and never printed: output names it by its fingerprint.
/// </summary>
internal static class RunToken
{
    public static async Task<ResolvedToken> ReadAsync(RunRequest request, CliEnvironment env, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        var context = new TokenSourceContext(redactor, env.Time, env.Variable);
        var chosen = new (string Kind, IReadOnlyList<string>? Arguments)[]
        {
            ("command", request.TokenCommand),
            ("file", request.TokenFile is { } file ? [file.FullName] : null),
            ("env", request.TokenEnv is { } variable ? [variable] : null),
        }.Where(c => c.Arguments is not null).ToList();
        if (chosen.Count > 1)
        {
            throw new UsageException("give one token source: --token-command, --token-file or --token-env");
        }
        var (kind, arguments) = chosen.Count == 1 ? chosen[0] : ("env", ["GITHUB_TOKEN"]);
        var source = TokenSourceKinds.Create(kind, arguments!, context);
        return await TokenResolver.ResolveAsync(source, cancellationToken).ConfigureAwait(false);
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
}
