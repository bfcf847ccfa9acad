using System.CommandLine;
using System.CommandLine.Help;
using Microsoft.Extensions.Logging;
using Tidemark.Cli.Commands;

namespace Tidemark.Cli;

/// <summary>Builds the command tree and maps outcomes to the exit codes of PRODUCT.md.</summary>
internal static class TidemarkApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken)
    {
        using var logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(Environment.GetEnvironmentVariable("TIDEMARK_LOG_LEVEL") is { } level && Enum.TryParse<LogLevel>(level, true, out var parsed) ? parsed : LogLevel.Warning)
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(options => options.SingleLine = true));
        // A plain Command named "tidemark" as the root, so help reads "tidemark scan" whatever the executable is called.
        var root = new Command("tidemark", "Tidemark keeps the container images of a GitOps repository up to date through pull requests.")
        {
            new HelpOption(),
            new VersionOption(),
            RefsCommand.Create(env),
            ScanCommand.Create(env, logging),
            PlanCommand.Create(env, logging),
            RunCommand.Create(env, logging),
            TokenCommand.Create(env, logging),
            DoctorCommand.Create(env, logging),
        };
        var invocation = new InvocationConfiguration { Output = env.Out, Error = env.Error };
        if (args.Length == 0)
        {
            await root.Parse("--help").InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await env.Error.WriteLineAsync($"tidemark: {error.Message}").ConfigureAwait(false);
            }
            await env.Error.WriteLineAsync("Run 'tidemark --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
