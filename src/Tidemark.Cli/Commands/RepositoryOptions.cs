using System.CommandLine;
using Tidemark.Automation;
using Tidemark.Cli.Rendering;
using Tidemark.Configuration;

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
        return await ScopePlanning.LoadWorkspaceAsync(root, config, new CliRunReport(env).NoteAsync, cancellationToken).ConfigureAwait(false);
    }
}
