using System.Text.RegularExpressions;
using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Credentials;

/// <summary>
/// The one factory from a <see cref="TokenSpec"/> to its <see cref="ITokenSource"/> (STYLE §6: a new kind is one record
/// and one case here). It checks what the operator wrote and says how to write it; callers get tokens through
/// <see cref="TokenProvider"/>, which registers every value with the redactor.
/// </summary>
internal static partial class TokenSources
{
    public const string EnvUsage = "env [NAME] — an environment variable (default GITHUB_TOKEN)";

    public const string FileUsage = "file PATH — a file, or a folder (a mounted Secret) holding 'token' or 'password'";

    public const string CommandUsage = "command PROGRAM [ARG...] — what a program prints, such as op read op://automation/github/token";

    /// <summary>The source <paramref name="spec"/> names; throws <see cref="TokenSourceException"/> when it cannot work as written.</summary>
    public static ITokenSource Create(TokenSpec spec, TokenSourceContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        return spec switch
        {
            EnvToken env => Env(env, context),
            FileToken file => string.IsNullOrWhiteSpace(file.Path)
                ? throw new TokenSourceException("token source file", "needs exactly one path", FileUsage)
                : new FileTokenSource(Path.GetFullPath(file.Path)),
            CommandToken command => command.Command.Count == 0 || string.IsNullOrWhiteSpace(command.Command[0])
                ? throw new TokenSourceException("token source command", "needs a program to run", CommandUsage)
                : new CommandTokenSource([.. command.Command], command.Timeout is { } timeout ? context with { CommandTimeout = timeout } : context),
            AppToken app => CreateApp(app, context),
            _ => throw new ArgumentException($"no token source for {spec.GetType().Name}", nameof(spec)),
        };
    }

    private static EnvironmentTokenSource Env(EnvToken env, TokenSourceContext context) =>
        VariableName().IsMatch(env.Variable)
            ? new EnvironmentTokenSource(env.Variable, context)
            : throw new TokenSourceException($"token source env '{env.Variable}'", "is not a variable name", "use letters, digits and _ (for example GITHUB_TOKEN)");

    /// <summary>The <c>app</c> source, typed: what a provider needs of an App (minting with workflows) without a cast.</summary>
    public static AppTokenSource CreateApp(AppToken app, TokenSourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = AppSettings.From(app);
        var target = context.Target ?? throw new TokenSourceException("token source app", "needs the repository and the API URL to mint a token for",
            "give the repository (--repo) and the API (--api-url); the App's token is minted for that one repository");
        return new AppTokenSource(settings, target, context);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
