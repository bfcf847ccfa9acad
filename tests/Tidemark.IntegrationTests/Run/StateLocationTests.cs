using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// One default state location for every command (docs/state.md): the real CLI, started as a process in a folder of its
/// own, runs with <c>--work-dir</c> elsewhere; <c>audit</c> and <c>token status</c> from the same folder then see that run.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class StateLocationTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Run_WithWorkDirElsewhere_AuditAndTokenStatusFromTheSameFolderSeeTheRun()
    {
        using var scene = await fixture.NewSceneAsync();
        var cwd = Directory.CreateDirectory(Path.Combine(scene.Root, "operator")).FullName;
        var workDir = Path.Combine(scene.Root, "elsewhere", "work");
        string[] config = scene.OperatorConfig is null ? [] : ["--config", scene.OperatorConfig];

        var run = await TidemarkAsync(cwd, scene, ["run", "--repo", scene.RemoteUrl, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--work-dir", workDir, .. config]);
        var audit = await TidemarkAsync(cwd, scene, ["audit", "--action", "git.push"]);
        var status = await TidemarkAsync(cwd, scene, ["token", "status"]);

        Assert.True(run.Code == 0, run.Error + run.Out);
        var fingerprint = TokenLine().Match(run.Error).Groups[1].Value;
        Assert.NotEmpty(fingerprint);
        Assert.True(File.Exists(Path.Combine(cwd, ".tidemark", "state.db")));
        Assert.False(Directory.Exists(Path.Combine(scene.Root, "elsewhere", ".tidemark")));
        Assert.True(audit.Code == 0, audit.Error);
        Assert.Contains($"{scene.Repository.FullName}@{RunScene.UpdateBranch}", audit.Out, StringComparison.Ordinal);
        Assert.True(status.Code == 0, status.Error);
        Assert.Contains($"{fingerprint}: ", status.Out, StringComparison.Ordinal);
        Assert.Contains(scene.Repository.FullName, status.Out, StringComparison.Ordinal);
    }

    /// <summary>tidemark as a process in <paramref name="cwd"/>, the token in its environment (never an argument), no TIDEMARK_* variable inherited.</summary>
    private static async Task<(int Code, string Out, string Error)> TidemarkAsync(string cwd, RunScene scene, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TIDEMARK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["GITHUB_TOKEN"] = scene.Token;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>src/Tidemark.Cli/bin/CONFIGURATION/TFM/Tidemark.Cli.dll, built with this test build (its own deps.json).</summary>
    private static string CliDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Tidemark.Cli", "bin", output.Parent.Name, output.Name, "Tidemark.Cli.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build Tidemark.Cli first (dotnet build Tidemark.slnx)", dll);
    }

    [GeneratedRegex("tidemark: token (.+) from GITHUB_TOKEN")]
    private static partial Regex TokenLine();
}
