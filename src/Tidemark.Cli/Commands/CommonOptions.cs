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

    /// <summary>
    /// <c>--state</c> for the commands that read what runs wrote (<c>audit</c>, <c>token status</c>, <c>state</c>); its
    /// default is <see cref="StatePath"/>'s.
    /// </summary>
    public static Option<FileInfo?> State() => new("--state")
    {
        Description = "The state database (default: .tidemark/state.db in the current folder, where `tidemark run` keeps it unless given --work-dir or --state)",
        HelpName = "FILE",
    };

    /// <summary>The state database a reading command opens: <paramref name="given"/>, else <c>.tidemark/state.db</c> in the current folder.</summary>
    public static string StatePath(FileInfo? given) =>
        given?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), ".tidemark", "state.db");

    /// <summary>The state database <c>run</c> and <c>doctor</c> use: <paramref name="given"/>, else <c>.tidemark/state.db</c> beside the work directory.</summary>
    public static string StatePathBeside(string workDir, string? given) =>
        given ?? Path.Combine(Path.GetDirectoryName(workDir) ?? workDir, ".tidemark", "state.db");

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
