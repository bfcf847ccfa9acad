using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.State;

namespace Tidemark.Credentials;

/// <summary>
/// The GitHub tokens of a run (and of <c>doctor</c>, <c>token check</c>): the current one from <c>--token-command</c>, <c>--token-file</c> (a file,
/// or a mounted Secret's folder with <c>token</c> or <c>password</c>), <c>--token-env</c>, a GitHub App
/// (<c>--app-id</c> + <c>--app-key-file</c> [+ <c>--app-installation-id</c>]), else <c>github.token</c> of the
/// <c>--config</c> file, else <c>GITHUB_TOKEN</c>; the next one (during a rotation) from <c>--next-token-*</c> or
/// <c>github.nextToken</c>. Values are registered with the redactor as they are read, inspected offline (a refresh
/// token, JWT, PEM key or malformed value is refused), and never printed: output names them by fingerprint.
/// </summary>
internal static class RunToken
{
    /// <summary>Where the current and next tokens come from, and the rotation overlap; flag misuse is a usage error.</summary>
    public static async Task<RunTokenSources> SourcesAsync(RunSettings request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var flags = request.Token ?? CurrentFromFlags(request);
        // only the operator's own file names token sources: the repository's tidemark.yaml is read after cloning with
        // the token, and anyone who can commit could otherwise make Tidemark run a command of their choosing
        var github = request.Config is null
            ? new GitHubConfig()
            : (await ConfigFiles.LoadAsync(request.Config, null, _ => Task.CompletedTask, cancellationToken).ConfigureAwait(false)).GitHub;
        var current = flags ?? github.Token ?? new EnvToken(EnvironmentTokenSource.DefaultVariable);
        var next = NextFromFlags(request) ?? github.NextToken;
        return new RunTokenSources(current, next, github.RotationOverlap);
    }

    /// <summary>The current token's source as the flags name it (one of --token-command, --token-file, --token-env, the App flags), or null; misuse is a usage error.</summary>
    public static TokenSpec? CurrentFromFlags(RunSettings request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var app = AppFromFlags(request);
        var flags = FromFlags("--token", request.TokenCommand, request.TokenFile, request.TokenEnv);
        if (app is not null && flags is not null)
        {
            throw new UsageException("give one token source: --token-command, --token-file, --token-env or --app-id with --app-key-file");
        }

        return flags ?? app;
    }

    /// <summary>The next token's source as the flags name it (--next-token-command, -file or -env), or null.</summary>
    public static TokenSpec? NextFromFlags(RunSettings request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FromFlags("--next-token", request.NextTokenCommand, request.NextTokenFile, request.NextTokenEnv);
    }

    /// <summary>Reads one token; errors name where the source was configured. A GitHub App's mint is recorded in <paramref name="audit"/>.</summary>
    public static async Task<ITokenProvider> ResolveAsync(TokenSpec source, string role, TimeProvider time, Func<string, string?> variable, ISecretRedactor redactor, TokenTarget target, IAuditWriter audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = new TokenSourceContext(redactor, time, variable) { Target = target, Audit = audit };
        try
        {
            return await TokenProvider.OpenAsync(source, context, cancellationToken).ConfigureAwait(false);
        }
        catch (TokenSourceException e) when (source.Place.Line > 0)
        {
            throw new TokenSourceException($"{source.Place}: github.{role}: {e.TokenSource}", e.Problem, e.Fix);
        }
    }

    /// <summary>Refuses a token whose value is written in the repository; warns about other token-shaped strings.</summary>
    public static async Task EnsureNotLeakedAsync(string workTree, ResolvedToken token, Func<string, Task> warn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var shaped = await LeakedTokenScanner.EnsureNotLeakedAsync(workTree, token.Value, cancellationToken).ConfigureAwait(false);
        foreach (var leak in shaped)
        {
            await warn($"{leak.File}:{leak.Line}: a string shaped like a GitHub token ({leak.Fingerprint}) is committed; if it is real, revoke it and remove it from the repository").ConfigureAwait(false);
        }
    }

    /// <summary>When an update path is under .github/workflows, an App's token must carry workflows: write; minted now, so a missing grant stops the run before any work.</summary>
    public static async Task RequireWorkflowsAsync(ITokenProvider credentials, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Mints && paths.Any(WorkflowPaths.Touches))
        {
            await credentials.RequireWorkflowsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>app</c> source from the App flags, or null when no App flag is given.</summary>
    private static AppToken? AppFromFlags(RunSettings request)
    {
        if (request.AppId is null && request.AppKeyFile is null && request.AppInstallationId is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.AppId) || string.IsNullOrWhiteSpace(request.AppKeyFile))
        {
            throw new UsageException("a GitHub App needs both --app-id ID (the App ID or client ID) and --app-key-file FILE (its private key .pem); --app-installation-id is optional");
        }

        return new AppToken(request.AppId.Trim(), request.AppKeyFile, request.AppInstallationId?.Trim()) { Place = new SourcePlace("--app-id", 0, 0) };
    }

    private static TokenSpec? FromFlags(string prefix, IReadOnlyList<string>? command, FileInfo? file, string? variable)
    {
        var chosen = new TokenSpec?[]
        {
            command is null ? null : new CommandToken(command),
            file is null ? null : new FileToken(file.FullName),
            variable is null ? null : new EnvToken(variable),
        }.OfType<TokenSpec>().ToList();
        if (chosen.Count > 1)
        {
            throw new UsageException($"give one token source: {prefix}-command, {prefix}-file or {prefix}-env");
        }

        return chosen.Count == 0 ? null : chosen[0] with { Place = new SourcePlace(prefix + "-" + chosen[0].Kind, 0, 0) };
    }
}
