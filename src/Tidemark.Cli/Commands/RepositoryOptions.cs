using System.CommandLine;
using Tidemark.Automation;

namespace Tidemark.Cli.Commands;

/// <summary>The <c>--repo</c> option and loading the repository it names into a <see cref="Workspace"/>.</summary>
internal static class RepositoryOptions
{
    public static Option<DirectoryInfo?> Repo() => new("--repo")
    {
        Description = "The repository's working tree (default: the current folder)",
        HelpName = "PATH",
    };

    public static async Task<Workspace> LoadAsync(DirectoryInfo? repo, FileInfo? config, CliEnvironment env, CancellationToken cancellationToken)
    {
        var root = repo?.FullName ?? Directory.GetCurrentDirectory();
        if (!Directory.Exists(root))
        {
            throw new UsageException($"--repo {root}: no such folder (give the path of the repository's working tree)");
        }
        var settings = await ConfigFiles.LoadAsync(config, root, env.Error, cancellationToken).ConfigureAwait(false);
        var workspace = Workspace.Load(root, settings);
        foreach (var warning in workspace.Flux.Diagnostics.Where(d => d.Severity == Configuration.DiagnosticSeverity.Warning))
        {
            await env.Error.WriteLineAsync($"tidemark: {warning}").ConfigureAwait(false);
        }
        return workspace;
    }
}
