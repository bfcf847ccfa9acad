using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Cli.Rendering;

namespace Tidemark.Cli.Commands;

/// <summary><c>tidemark plan</c>: what would change and why, as a table, JSON or a diff; touches nothing. The planning is <see cref="ScopePlanning"/>'s.</summary>
internal static class PlanCommand
{
    public static Command Create(CliEnvironment env, ILoggerFactory logging)
    {
        var repo = RepositoryOptions.Repo();
        var config = CommonOptions.Config();
        var output = CommonOptions.Output("table", "json", "diff");
        var explain = new Option<bool>("--explain") { Description = "For every image, list the candidate tags and why each was not chosen" };
        var secrets = CommonOptions.SecretsDirectory();
        var write = new Option<bool>("--write") { Description = "Also write the planned edits into the working tree (verified; nothing is committed or pushed)" };
        var command = new Command("plan", "Show what would change and why, without touching anything (unless --write)")
        {
            repo, config, output, explain, secrets, write,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var workspace = await RepositoryOptions.LoadAsync(parse.GetValue(repo), parse.GetValue(config), env, cancellationToken).ConfigureAwait(false);
            var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
            var plans = await ScopePlanning.PlanAsync(new Composition(env, logging).Planning(), workspace, mode, parse.GetValue(secrets)!, parse.GetValue(explain), cancellationToken).ConfigureAwait(false);
            await PlanRenderer.WriteAsync(env.Out, env.Error, mode, plans, parse.GetValue(output)!, parse.GetValue(explain)).ConfigureAwait(false);
            if (parse.GetValue(write))
            {
                await WriteEditsAsync(env, workspace.Root, plans, cancellationToken).ConfigureAwait(false);
            }
            return plans.Any(p => p.HasErrors) ? ExitCodes.Failed : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// <c>plan --write</c>: writes each edited file (already verified by re-reading it) back with its bytes but the edit.
    /// A file two automations edit differently is not written (their pull requests would differ too); each is said on stderr.
    /// </summary>
    private static async Task WriteEditsAsync(CliEnvironment env, string root, IReadOnlyList<Plan> plans, CancellationToken cancellationToken)
    {
        foreach (var file in plans.SelectMany(p => p.Edits).GroupBy(e => e.File, StringComparer.Ordinal))
        {
            if (file.Select(e => e.Updated).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                await env.Error.WriteLineAsync($"tidemark: error: {file.Key}: two ImageUpdateAutomations edit it differently; not written").ConfigureAwait(false);
                continue;
            }
            var path = Tidemark.Git.WorkTreePaths.Resolve(root, file.Key);
            await File.WriteAllBytesAsync(path, Tidemark.Manifests.ManifestText.Encode(file.First().Updated), cancellationToken).ConfigureAwait(false);
            await env.Error.WriteLineAsync($"tidemark: wrote {file.Key}").ConfigureAwait(false);
        }
    }
}
