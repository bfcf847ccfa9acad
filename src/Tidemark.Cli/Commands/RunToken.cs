using Tidemark.Credentials;
using Tidemark.Credentials.GitHubApp;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// The GitHub token for <c>tidemark run</c>, from exactly one source: <c>--token-command</c>, <c>--token-file</c>
/// (a file, or a mounted Secret's folder with <c>token</c> or <c>password</c>), <c>--token-env</c>, a GitHub App
/// (<c>--app-id</c> + <c>--app-key-file</c> [+ <c>--app-installation-id</c>]), else <c>GITHUB_TOKEN</c>. The value is
/// registered with the redactor as it is read, inspected offline (a refresh token, JWT, PEM key or malformed value is
/// refused), and never printed: output names it by its fingerprint.
/// </summary>
internal static class RunToken
{
    /// <summary>The source kind and its arguments the flags choose; checked before anything else happens.</summary>
    public static (string Kind, IReadOnlyList<string> Arguments) Choose(RunRequest request)
    {
        var app = AppArguments(request);
        var chosen = new (string Kind, IReadOnlyList<string>? Arguments)[]
        {
            ("command", request.TokenCommand),
            ("file", request.TokenFile is { } file ? [file.FullName] : null),
            ("env", request.TokenEnv is { } variable ? [variable] : null),
            ("app", app),
        }.Where(c => c.Arguments is not null).ToList();
        if (chosen.Count > 1)
        {
            throw new UsageException("give one token source: --token-command, --token-file, --token-env or --app-id with --app-key-file");
        }

        return chosen.Count == 1 ? (chosen[0].Kind, chosen[0].Arguments!) : ("env", ["GITHUB_TOKEN"]);
    }

    /// <summary>Reads the token (a GitHub App mints one for <paramref name="target"/> and records the mint in <paramref name="audit"/>).</summary>
    public static async Task<RunCredentials> ReadAsync(RunRequest request, CliEnvironment env, ISecretRedactor redactor, TokenTarget target, IAuditWriter audit, CancellationToken cancellationToken)
    {
        var (kind, arguments) = Choose(request);
        var context = new TokenSourceContext(redactor, env.Time, env.Variable) { Target = target, Audit = audit };
        var source = TokenSourceKinds.Create(kind, arguments, context);
        var resolved = await TokenResolver.ResolveAsync(source, cancellationToken).ConfigureAwait(false);
        return new RunCredentials(source, resolved);
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

    /// <summary>When an update path is under .github/workflows, an App's token must carry workflows: write; minted now, so a missing grant stops the run before any work.</summary>
    public static async Task RequireWorkflowsAsync(RunCredentials credentials, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (credentials.Source is AppTokenSource app && paths.Any(TokenRecipe.TouchesWorkflows))
        {
            app.Require(AppPermissions.Workflows, "write");
            await app.TokenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>app</c> source's key=value arguments from the flags, or null when no App flag is given.</summary>
    private static List<string>? AppArguments(RunRequest request)
    {
        if (request.AppId is null && request.AppKeyFile is null && request.AppInstallationId is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.AppId) || string.IsNullOrWhiteSpace(request.AppKeyFile))
        {
            throw new UsageException("a GitHub App needs both --app-id ID (the App ID or client ID) and --app-key-file FILE (its private key .pem); --app-installation-id is optional");
        }

        List<string> arguments = [$"id={request.AppId.Trim()}", $"key={request.AppKeyFile}"];
        if (request.AppInstallationId is { } installation)
        {
            arguments.Add($"installation={installation.Trim()}");
        }

        return arguments;
    }
}
