using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Credentials.GitHubApp;
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
        var app = AppSource(request);
        var flags = FromFlags("--token", request.TokenCommand, request.TokenFile, request.TokenEnv);
        if (app is not null && flags is not null)
        {
            throw new UsageException("give one token source: --token-command, --token-file, --token-env or --app-id with --app-key-file");
        }

        // only the operator's own file names token sources: the repository's tidemark.yaml is read after cloning with
        // the token, and anyone who can commit could otherwise make Tidemark run a command of their choosing
        var github = request.Config is null
            ? new GitHubConfig()
            : (await ConfigFiles.LoadAsync(request.Config, null, _ => Task.CompletedTask, cancellationToken).ConfigureAwait(false)).GitHub;
        var current = flags ?? app
            ?? github.Token
            ?? new TokenSourceConfig("env", [EnvironmentTokenSource.DefaultVariable], null, new SourcePlace("(default)", 0, 0));
        var next = FromFlags("--next-token", request.NextTokenCommand, request.NextTokenFile, request.NextTokenEnv) ?? github.NextToken;
        return new RunTokenSources(current, next, github.RotationOverlap);
    }

    /// <summary>Reads one token; errors name where the source was configured. A GitHub App's mint is recorded in <paramref name="audit"/>.</summary>
    public static async Task<RunCredentials> ResolveAsync(TokenSourceConfig source, string role, TimeProvider time, Func<string, string?> variable, ISecretRedactor redactor, TokenTarget target, IAuditWriter audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = new TokenSourceContext(redactor, time, variable) { Target = target, Audit = audit };
        if (source.Timeout is { } timeout)
        {
            context = context with { CommandTimeout = timeout };
        }

        try
        {
            var tokenSource = TokenSourceKinds.Create(source.Kind, source.Arguments, context);
            var resolved = await TokenResolver.ResolveAsync(tokenSource, cancellationToken).ConfigureAwait(false);
            return new RunCredentials(tokenSource, resolved);
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
    public static async Task RequireWorkflowsAsync(RunCredentials credentials, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Source is AppTokenSource app && paths.Any(WorkflowPaths.Touches))
        {
            app.Require(AppPermissions.Workflows, "write");
            await app.TokenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>app</c> source from the App flags (key=value arguments), or null when no App flag is given.</summary>
    private static TokenSourceConfig? AppSource(RunSettings request)
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

        return new TokenSourceConfig("app", arguments, null, new SourcePlace("--app-id", 0, 0));
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
