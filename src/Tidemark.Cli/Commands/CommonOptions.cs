using System.CommandLine;

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

    /// <summary><c>--state</c>, the same for every command that uses the state store; its default is <see cref="StateLocation.Resolve"/>'s.</summary>
    public static Option<string?> State() => new("--state")
    {
        Description = $"The state store: a SQLite file, or a PostgreSQL connection string postgres://USER@HOST:PORT/DATABASE (password in PGPASSWORD or a passfile) "
            + $"(default: ${StateLocation.Variable}, else .tidemark/state.db in the current folder — the same for every command, whatever --work-dir says)",
        HelpName = "FILE|URL",
    };

    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "The operator's settings (trusted): each top-level key it sets overrides the repository's own tidemark.yaml; the only place for registries: and github: (see docs/security.md)",
        HelpName = "FILE",
    };

    public static Option<string> SecretsDirectory() => new("--secrets-dir")
    {
        Description = "Where the Secrets named by Flux ImageRepository and HelmRepository secretRef are mounted (one folder per Secret; a HelmRepository's is sent only to a host whose registries: entry in --config lists it in helmSecrets)",
        DefaultValueFactory = _ => "/var/run/secrets/tidemark/registries",
        HelpName = "DIR",
    };
}
