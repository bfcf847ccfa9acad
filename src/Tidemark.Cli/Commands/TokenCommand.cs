using System.CommandLine;
using Tidemark.Cli.Rendering;

namespace Tidemark.Cli.Commands;

/// <summary><c>tidemark token</c>: the token's life. Only <c>new</c> so far; <c>check</c> and <c>status</c> come later.</summary>
internal static class TokenCommand
{
    public static Command Create(CliEnvironment env) => new("token", "Create, check and follow the GitHub token Tidemark pushes with")
    {
        New(env),
    };

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
}
