using System.CommandLine;

namespace Tidemark.Cli;

/// <summary>Builds the command tree and maps outcomes to the exit codes of PRODUCT.md.</summary>
internal static class TidemarkApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Tidemark keeps the container images of a GitOps repository up to date through pull requests.");
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"tidemark: {error.Message}");
            }
            await stderr.WriteLineAsync("Run 'tidemark --help' for usage.");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }
}
