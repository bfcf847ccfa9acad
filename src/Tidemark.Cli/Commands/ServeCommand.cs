using System.CommandLine;
using Tidemark.Cli.Serve;
using Tidemark.Configuration;
using Tidemark.Configuration.Service;

namespace Tidemark.Cli.Commands;

/// <summary>
/// <c>tidemark serve --config FILE [--urls URL]</c>: runs the use case of <c>tidemark run</c> continuously for the
/// repositories of the service settings (docs/serve.md), with webhooks, a dashboard, metrics and health endpoints.
/// Bad settings exit 2 before anything starts; SIGTERM/Ctrl-C stops it (exit 0).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = "The service settings file (YAML: repositories, state, listen addresses, webhook secrets; see docs/serve.md)",
            HelpName = "FILE",
            Required = true,
        };
        var urls = new Option<string[]>("--urls")
        {
            Description = "Listen on these addresses instead of the settings' listen: (default http://127.0.0.1:8080); anything but loopback requires dashboard credentials",
            HelpName = "URL",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Run continuously: reconcile many repositories on a schedule and on webhooks, with a dashboard, /metrics, /healthz and /readyz")
        {
            config,
            urls,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, () => RunAsync(env, parse.GetValue(config)!, parse.GetValue(urls), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, FileInfo config, string[]? urls, CancellationToken cancellationToken)
    {
        var settings = await ServiceSettingsLoader.LoadAsync(config.ToString(), env.Variable, env.Redactor, cancellationToken).ConfigureAwait(false);
        if (urls is { Length: > 0 })
        {
            var given = urls.SelectMany(u => u.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            foreach (var url in given)
            {
                if (ServiceSettingsLoader.ListenUrlProblem(url) is { } problem)
                {
                    throw new UsageException($"--urls {url}: {problem}; write an http:// address with a port, e.g. http://127.0.0.1:8080");
                }
            }

            settings = settings with { Urls = given };
        }

        using var logging = ServeHost.CreateLogging(env, settings);
        await using var host = await ServeHost.BuildAsync(env, settings, logging, cancellationToken).ConfigureAwait(false);
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
