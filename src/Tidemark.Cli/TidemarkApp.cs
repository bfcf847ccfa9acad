using System.CommandLine;
using System.CommandLine.Help;
using Microsoft.Extensions.Logging;
using Tidemark.Cli.Commands;
using Tidemark.Cli.Logging;

namespace Tidemark.Cli;

/// <summary>Builds the command tree and maps outcomes to the exit codes of PRODUCT.md.</summary>
internal static class TidemarkApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken)
    {
        // The composition root of redaction: from here on, nothing reaches stdout or stderr without the redactor.
        env = env.Redacting();
        try
        {
            return await RunRedactedAsync(args, env, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await env.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await env.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunRedactedAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken)
    {
        var (logSettings, logError) = LogSettings.FromEnvironment(env.Variable);
        // Built directly, not through LoggerFactory.Create: that one sets up a dependency-injection container whose
        // resolvers are compiled at run time, a large share of start-up for a command like refs (docs/decisions.md).
        using var logging = new LoggerFactory(
            [new RedactingLogProvider(env.Error, logSettings, env.Redactor, env.Time)],
            new LoggerFilterOptions { MinLevel = logSettings.MinimumLevel });
        var logFormat = new Option<string>("--log-format")
        {
            Description = $"Log lines on standard error as text or json (default: ${LogSettings.FormatVariable}, else text)",
            HelpName = "text|json",
            Recursive = true,
        };
        logFormat.AcceptOnlyFromAmong("text", "json");
        // A plain Command named "tidemark" as the root, so help reads "tidemark scan" whatever the executable is called.
        var root = new Command("tidemark", "Tidemark keeps the container images of a GitOps repository up to date through pull requests.")
        {
            new HelpOption(),
            new VersionOption(),
            logFormat,
            RefsCommand.Create(env),
            ScanCommand.Create(env, logging),
            PlanCommand.Create(env, logging),
            RunCommand.Create(env, logging),
            TokenCommand.Create(env, logging),
            DoctorCommand.Create(env, logging),
            AuditCommand.Create(env),
            StateCommand.Create(env),
            ServeCommand.Create(env),
        };
        var invocation = new InvocationConfiguration { Output = env.Out, Error = env.Error };
        if (args.Length == 0)
        {
            await root.Parse("--help").InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        var parse = root.Parse(args);
        if (parse.GetValue(logFormat) is { } chosen && LogSettings.TryParseFormat(chosen, out var format))
        {
            logSettings.Format = format;
        }
        else if (logError is not null)
        {
            await env.Error.WriteLineAsync($"tidemark: {logError}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (parse.Errors.Count > 0)
        {
            await WriteParseErrorsAsync(env, parse).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each parse error once, with the subcommands of a command given alone and the nearest name of a misspelt one.</summary>
    private static async Task WriteParseErrorsAsync(CliEnvironment env, ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var subcommands = Suggestions.Subcommands(command);
        foreach (var error in parse.Errors)
        {
            if (subcommands.Count > 0 && parse.UnmatchedTokens.Count == 0)
            {
                break;
            }
            await env.Error.WriteLineAsync($"tidemark: {error.Message}").ConfigureAwait(false);
        }
        foreach (var token in parse.UnmatchedTokens.Where(t => t.StartsWith('-') || subcommands.Count > 0))
        {
            if (Suggestions.Closest(token, command) is { } closest)
            {
                await env.Error.WriteLineAsync($"tidemark: did you mean {closest}?").ConfigureAwait(false);
            }
        }
        foreach (var line in parse.UnmatchedTokens.Count == 0 ? subcommands : [])
        {
            await env.Error.WriteLineAsync(line).ConfigureAwait(false);
        }
        await env.Error.WriteLineAsync($"Run 'tidemark {(command.Parents.Any() ? command.Name + " " : "")}--help' for usage.").ConfigureAwait(false);
    }
}
