using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Cli.Rendering;

namespace Tidemark.Cli.Commands;

/// <summary>
/// <c>tidemark run</c>: parse → settings → <see cref="AutomationRun"/> (checkout → plan → publish → record, in the
/// library) → render. Git, forge and state failures exit 1 with their classified message; bad input exits 2
/// (<see cref="CommandRunner"/>).
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment env, ILoggerFactory logging)
    {
        var options = new RunOptions();
        var command = new Command("run", "Apply the plan: commit, push the update branch, open/update/close the pull request");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, () => RunAsync(env, logging, options, parse, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, ILoggerFactory logging, RunOptions options, ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = options.Read(parse);
        var json = options.Output(parse) == "json";
        var host = new Composition(env, logging).RunHost(settings, new CliRunReport(env, json));
        var result = await AutomationRun.RunAsync(settings, host, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            await RunRenderer.WriteJsonAsync(env.Out, result).ConfigureAwait(false);
        }
        else
        {
            // the text output's way to the audit trail, as the JSON output's top-level "run"
            await env.Error.WriteLineAsync($"tidemark: run {result.RunId}: `tidemark audit --run {result.RunId}` lists what it did").ConfigureAwait(false);
        }

        return result.HasErrors ? ExitCodes.Failed : ExitCodes.Success;
    }
}
