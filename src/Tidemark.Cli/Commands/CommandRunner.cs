using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Forges;
using Tidemark.Git;
using Tidemark.Registries;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// The one place where a command's failures become messages and exit codes (STYLE §16), for every command: bad input
/// (usage, configuration, a token source, a leaked token) exits 2; the work failing (git, forge, registry, a held
/// repository lease, no working token, a run not fully recorded) exits 1; a state store problem by its kind.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliEnvironment env, Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await env.Error.WriteLineAsync($"tidemark: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (TokenSourceException e)
        {
            await env.Error.WriteLineAsync($"tidemark: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (LeakedTokenException e)
        {
            await env.Error.WriteLineAsync($"tidemark: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (ConfigurationException e)
        {
            await env.Error.WriteLineAsync($"tidemark: configuration error:{Environment.NewLine}{Indent(e.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (StateStoreException e)
        {
            await env.Error.WriteLineAsync($"tidemark: {e.Message}").ConfigureAwait(false);
            return ExitCode(e.Kind);
        }
        catch (RegistryException e)
        {
            await env.Error.WriteLineAsync($"tidemark: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (RunNotRecordedException e)
        {
            await env.Error.WriteLineAsync($"tidemark: error: {e.Message}").ConfigureAwait(false);
            await env.Error.WriteLineAsync($"tidemark: {e.InnerException!.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is GitException or ForgeException or RepositoryLockedException or NoWorkingTokenException)
        {
            // their messages are already written for people; a hint names the doctor check that shows more
            await env.Error.WriteLineAsync($"tidemark: {e.Message}{Doctor.DoctorHints.Suffix(e)}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            await env.Error.WriteLineAsync("tidemark: cancelled").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>A wrong path is bad input (2); a file that is there but cannot be used is the work failing (1). docs/state.md lists them.</summary>
    internal static int ExitCode(StateStoreProblem kind) =>
        kind is StateStoreProblem.Missing or StateStoreProblem.Directory or StateStoreProblem.MissingFolder or StateStoreProblem.BadConnectionString or StateStoreProblem.Rejected
            ? ExitCodes.BadInput : ExitCodes.Failed;

    private static string Indent(string text) => string.Join(Environment.NewLine, text.Split('\n').Select(line => "  " + line.TrimEnd('\r')));
}
