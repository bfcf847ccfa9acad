using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Cli.Rendering;
using Tidemark.Registries;

namespace Tidemark.Cli.Commands;

/// <summary><c>tidemark plan</c>: what would change and why, as a table, JSON or a diff; touches nothing.</summary>
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
            var plans = await PlanScopesAsync(env, logging, workspace, mode, parse.GetValue(secrets)!, parse.GetValue(explain), cancellationToken).ConfigureAwait(false);
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

    /// <summary>The plan of the repository's first scope (its only one without Flux automations).</summary>
    /// <param name="cache">Reuses tag listings from the state store (run); null lists every registry (plan).</param>
    public static async Task<Plan> PlanAsync(CliEnvironment env, ILoggerFactory logging, Workspace workspace, string secretsDirectory, bool explain, CancellationToken cancellationToken, Func<ITagSource, ITagSource>? cache = null)
    {
        var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
        return (await PlanScopesAsync(env, logging, workspace, mode, secretsDirectory, explain, cancellationToken, cache, mode.Scopes.Take(1)).ConfigureAwait(false))[0];
    }

    /// <summary>One plan per scope of <paramref name="mode"/> (or of <paramref name="only"/>), each image's tags listed once for all.</summary>
    public static async Task<IReadOnlyList<Plan>> PlanScopesAsync(CliEnvironment env, ILoggerFactory logging, Workspace workspace, UpdateMode mode, string secretsDirectory, bool explain, CancellationToken cancellationToken, Func<ITagSource, ITagSource>? cache = null, IEnumerable<UpdateScope>? only = null)
    {
        var options = RegistryOptionsBuilder.Build(workspace.Config, workspace.Flux, env.DockerConfigPath(), secretsDirectory);
        using var client = RegistryClient.Create(options, env.Time, logging.CreateLogger("Tidemark.Registries"), env.Redactor);
        using var charts = HelmIndexClient.Create(cancellationToken);
        var artifacts = new ArtifactTagSource(client, charts);
        var tags = cache is null ? (ITagSource)artifacts : cache(artifacts);
        var planner = new Planner(new MemoizingTagSource(tags, cancellationToken), client);
        var plans = new List<Plan>();
        foreach (var scope in only ?? mode.Scopes)
        {
            plans.Add(await planner.PlanAsync(workspace, mode, scope, explain, cancellationToken).ConfigureAwait(false));
        }
        return plans;
    }
}
