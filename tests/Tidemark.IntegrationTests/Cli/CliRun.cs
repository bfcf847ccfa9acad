using Tidemark.Cli;

namespace Tidemark.IntegrationTests.Cli;

/// <summary>Runs the real command tree in-process with captured output and an empty environment.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(_ => null, args);

    /// <summary>As <see cref="RunAsync(string[])"/>, with these environment variables (e.g. <c>TIDEMARK_LOG_LEVEL</c>).</summary>
    public static async Task<CliRun> RunAsync(Func<string, string?> variables, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment(stdout, stderr, TimeProvider.System, variables, ErrorIsTerminal: false);
        var code = await TidemarkApp.RunAsync(args, env, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
