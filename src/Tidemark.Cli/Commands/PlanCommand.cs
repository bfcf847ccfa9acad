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
        var command = new Command("plan", "Show what would change and why, without touching anything")
        {
            repo, config, output, explain, secrets,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var workspace = await RepositoryOptions.LoadAsync(parse.GetValue(repo), parse.GetValue(config), env, cancellationToken).ConfigureAwait(false);
            var plan = await PlanAsync(env, logging, workspace, parse.GetValue(secrets)!, parse.GetValue(explain), cancellationToken).ConfigureAwait(false);
            await PlanRenderer.WriteAsync(env.Out, plan, parse.GetValue(output)!, parse.GetValue(explain)).ConfigureAwait(false);
            return plan.HasErrors ? ExitCodes.Failed : ExitCodes.Success;
        }));
        return command;
    }

    /// <param name="cache">Reuses tag listings from the state store (run); null lists every registry (plan).</param>
    public static async Task<Plan> PlanAsync(CliEnvironment env, ILoggerFactory logging, Workspace workspace, string secretsDirectory, bool explain, CancellationToken cancellationToken, Func<ITagSource, ITagSource>? cache = null)
    {
        var options = RegistryOptionsBuilder.Build(workspace.Config, workspace.Flux, env.DockerConfigPath(), secretsDirectory);
        using var client = RegistryClient.Create(options, env.Time, logging.CreateLogger("Tidemark.Registries"));
        var tags = cache is null ? (ITagSource)client : cache(client);
        var planner = new Planner(new MemoizingTagSource(tags, cancellationToken), client);
        return await planner.PlanAsync(workspace, explain, cancellationToken).ConfigureAwait(false);
    }
}
