using System.CommandLine;
using Tidemark.Credentials;
using Tidemark.State;
using Tidemark.State.Postgres;

namespace Tidemark.Cli.Commands;

/// <summary>Options several commands share, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Output(params string[] formats)
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = $"Output format: {string.Join(", ", formats)}",
            DefaultValueFactory = _ => formats[0],
            HelpName = string.Join("|", formats),
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>The environment variable naming the state store when <c>--state</c> is not given (a file or a PostgreSQL connection string).</summary>
    public const string StateVariable = "TIDEMARK_STATE";

    /// <summary>
    /// <c>--state</c> for the commands that read what runs wrote (<c>audit</c>, <c>token status</c>, <c>state</c>); its
    /// default is <see cref="StatePath"/>'s.
    /// </summary>
    public static Option<string?> State() => new("--state")
    {
        Description = "The state store: a SQLite file (default: .tidemark/state.db in the current folder, where `tidemark run` keeps it unless given --work-dir or --state), "
            + $"or a PostgreSQL connection string postgres://USER@HOST:PORT/DATABASE (password in PGPASSWORD or a passfile); default ${StateVariable}",
        HelpName = "FILE|URL",
    };

    /// <summary>The state store a reading command opens: <paramref name="given"/>, else <c>TIDEMARK_STATE</c>, else <c>.tidemark/state.db</c> in the current folder.</summary>
    public static string StatePath(string? given, CliEnvironment env) =>
        Located(given, env) ?? Path.Combine(Directory.GetCurrentDirectory(), ".tidemark", "state.db");

    /// <summary>The state store <c>run</c> and <c>doctor</c> use: <paramref name="given"/>, else <c>TIDEMARK_STATE</c>, else <c>.tidemark/state.db</c> beside the work directory.</summary>
    public static string StatePathBeside(string workDir, string? given, CliEnvironment env) =>
        Located(given, env) ?? Path.Combine(Path.GetDirectoryName(workDir) ?? workDir, ".tidemark", "state.db");

    /// <summary>
    /// Opens the state store at <paramref name="location"/> (from <see cref="StatePath"/>): a PostgreSQL connection string
    /// opens the PostgreSQL store, anything else is a SQLite file; <paramref name="existing"/> (reading commands) does not
    /// create a missing SQLite file.
    /// </summary>
    public static Task<StateStore> OpenStateAsync(string location, bool existing, TimeProvider time, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        if (PostgresConnectionString.Recognises(location))
        {
            return PostgresStateStore.OpenAsync(new PostgresStateOptions(location), time, redactor, cancellationToken);
        }

        var options = new SqliteStateOptions(location);
        return existing ? SqliteStateStore.OpenExistingAsync(options, time, redactor, cancellationToken) : SqliteStateStore.OpenAsync(options, time, redactor, cancellationToken);
    }

    /// <summary>The store as messages may show it: a file path, or a PostgreSQL URL without its password.</summary>
    public static string StateDisplay(string location, ISecretRedactor redactor) =>
        PostgresConnectionString.Recognises(location) ? PostgresConnectionString.Parse(location, redactor).Display : location;

    /// <summary>A PostgreSQL connection string is checked (and its password registered with the redactor) at once; a file path is made absolute.</summary>
    private static string? Located(string? given, CliEnvironment env)
    {
        var location = given is { Length: > 0 } ? given : env.Variable(StateVariable) is { Length: > 0 } variable ? variable : null;
        if (location is null)
        {
            return null;
        }

        if (PostgresConnectionString.Recognises(location))
        {
            PostgresConnectionString.Parse(location, env.Redactor);
            return location;
        }

        return Path.GetFullPath(location);
    }

    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "The operator's settings (trusted): each top-level key it sets overrides the repository's own tidemark.yaml; the only place for registries: and github: (see docs/security.md)",
        HelpName = "FILE",
    };

    public static Option<string> SecretsDirectory() => new("--secrets-dir")
    {
        Description = "Where registry Secrets named by Flux ImageRepository secretRef are mounted (one folder per Secret)",
        DefaultValueFactory = _ => "/var/run/secrets/tidemark/registries",
        HelpName = "DIR",
    };
}
