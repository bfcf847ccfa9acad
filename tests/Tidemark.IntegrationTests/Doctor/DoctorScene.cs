using Tidemark.Cli;
using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.Run;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Doctor;

/// <summary>Runs <c>tidemark doctor</c> or <c>tidemark token check</c> in-process against a scene's repository with a chosen token.</summary>
internal static class DoctorScene
{
    public static Task<CliRun> DoctorAsync(RunScene scene, string? token, params string[] extra) =>
        RunAsync(scene, ["doctor"], token, extra);

    public static Task<CliRun> TokenCheckAsync(RunScene scene, string? token, params string[] extra) =>
        RunAsync(scene, ["token", "check"], token, extra);

    public static async Task<CliRun> RunAsync(RunScene scene, string[] command, string? token, string[] extra, SimRepository? repository = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment(stdout, stderr, TimeProvider.System, name => name switch { "GITHUB_TOKEN" => token, "TIDEMARK_STATE" => scene.StatePath, _ => null }, ErrorIsTerminal: false);
        var target = repository ?? scene.Repository;
        var url = scene.GitHub.CloneUri(target.Owner.Login, target.Name).AbsoluteUri;
        string[] config = scene.OperatorConfig is null || extra.Contains("--config") ? [] : ["--config", scene.OperatorConfig];
        string[] args = [.. command, "--repo", url, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--work-dir", scene.WorkDir, .. config, .. extra];
        var code = await TidemarkApp.RunAsync(args, env, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Whether the table shows a finding of <paramref name="check"/> with <paramref name="symbol"/> (✔ ✖ ! -).</summary>
    public static bool Shows(CliRun run, string check, string symbol)
    {
        var current = "";
        foreach (var line in run.Out.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith("SUMMARY", StringComparison.Ordinal))
            {
                break;
            }

            if (line[0] != ' ')
            {
                current = line.Split(' ')[0];
            }

            var status = line.TrimStart()[(line[0] == ' ' ? 0 : current.Length)..].TrimStart();
            if (current == check && status.StartsWith(symbol, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
