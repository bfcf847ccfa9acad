using System.CommandLine;
using Tidemark.Automation;
using Tidemark.Cli.Rendering;

namespace Tidemark.Cli.Commands;

/// <summary><c>tidemark refs</c>: every image, chart and OCI artifact reference found, with its place, kind and governing policy.</summary>
internal static class RefsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var repo = RepositoryOptions.Repo();
        var config = CommonOptions.Config();
        var output = CommonOptions.Output("table", "json");
        var command = new Command("refs", "List every image, Helm chart and OCI artifact reference in the repository, where it is and which policy governs it")
        {
            repo, config, output,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var workspace = await RepositoryOptions.LoadAsync(parse.GetValue(repo), parse.GetValue(config), env, cancellationToken).ConfigureAwait(false);
            var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
            await RefsRenderer.WriteAsync(env.Out, workspace, mode, BindingResult.Of(workspace, mode), parse.GetValue(output)!).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
