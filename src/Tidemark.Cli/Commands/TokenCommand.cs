using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tidemark.Cli.Rendering;
using Tidemark.Credentials;
using Tidemark.Doctor;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary><c>tidemark token</c>: the token's life — <c>new</c> (what to create), <c>check</c> (is it right for the repository?) and <c>status</c> (what the state store knows).</summary>
internal static class TokenCommand
{
    public static Command Create(CliEnvironment env, ILoggerFactory logging) => new("token", "Create, check and follow the GitHub token Tidemark pushes with")
    {
        New(env),
        Check(env, logging),
        Status(env),
    };

    /// <summary>
    /// <c>token check</c>: the doctor's token-focused checks (kind, validity, login, scopes, repository access, SSO,
    /// organisation policies, expiry, the clone and the repository's configuration, push by <c>git push --dry-run</c> to
    /// the configured update branch, pull requests, workflows, rate limit). A capability no probe tested is "not proven".
    /// </summary>
    private static Command Check(CliEnvironment env, ILoggerFactory logging)
    {
        var options = new RunOptions();
        var writeProbe = new Option<bool>("--write-probe")
        {
            Description = "Also prove creating a pull request (a probe from a branch that does not exist; nothing is created) and pushing a new branch (tidemark-doctor-probe-*, deleted at once)",
        };
        var output = CommonOptions.Output("table", "json");
        var command = new Command("check", "Check the configured token against the repository and say what is wrong and how to fix it (exit 3 when anything is)");
        options.AddSharedTo(command);
        command.Add(writeProbe);
        command.Add(output);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, () =>
            DoctorCommand.RunChecksAsync(env, logging, options.Read(parse), parse.GetValue(writeProbe), parse.GetValue(output)!, "token check", DoctorChecks.TokenCheck, cancellationToken)));
        return command;
    }

    private static Command New(CliEnvironment env)
    {
        var repo = new Option<string>("--repo") { Description = "The repository Tidemark updates", HelpName = "OWNER/REPO", Required = true };
        var name = new Option<string?>("--name") { Description = "The token's name (default: flux-<repo>-automation)", HelpName = "NAME" };
        var classic = new Option<bool>("--classic") { Description = "A classic token with scopes instead of a fine-grained one (not recommended)" };
        var paths = new Option<string[]>("--paths")
        {
            Description = "The update paths; one under .github/workflows adds the Workflows permission",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = CommonOptions.Output("text", "json");
        var command = new Command("new", "Print exactly which token to create on GitHub and how to store it (it never asks for the token)")
        {
            repo, name, classic, paths, output,
        };
        command.SetAction((parse, _) => CommandRunner.RunAsync(env, async () =>
        {
            var recipe = TokenRecipe.Create(parse.GetValue(repo)!, parse.GetValue(name), parse.GetValue(classic), parse.GetValue(paths) ?? []);
            if (parse.GetValue(output) == "json")
            {
                await JsonOutput.WriteAsync(env.Out, recipe).ConfigureAwait(false);
            }
            else
            {
                await TokenNewRenderer.WriteAsync(env.Out, recipe).ConfigureAwait(false);
            }

            if (recipe.NameWarning is not null)
            {
                await env.Error.WriteLineAsync("tidemark: warning: " + recipe.NameWarning).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Status(CliEnvironment env)
    {
        var state = CommonOptions.State();
        var output = CommonOptions.Output("table", "json");
        var command = new Command("status", "Show, without network, each token Tidemark used: expiry, first and last use, what for, and the rotation")
        {
            state, output,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var composition = new Composition(env);
            var path = composition.StatePath(parse.GetValue(state));
            var store = await composition.OpenExistingStateAsync(path, cancellationToken).ConfigureAwait(false);
            var tokens = await store.TokenReader.ListTokensAsync(cancellationToken).ConfigureAwait(false);
            var rotations = await store.TokenReader.ListRotationsAsync(cancellationToken).ConfigureAwait(false);
            var refusals = await store.TokenReader.ListRefusalsAsync(cancellationToken).ConfigureAwait(false);
            var status = TokenStatus.From(path, env.Time.GetUtcNow(), tokens, rotations, refusals);
            if (parse.GetValue(output) == "json")
            {
                await JsonOutput.WriteAsync(env.Out, status).ConfigureAwait(false);
            }
            else
            {
                await TokenStatusRenderer.WriteAsync(env.Out, status).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
