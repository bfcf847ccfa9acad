using System.Diagnostics;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>
/// The built <c>Tidemark.GitHubSimulator</c> console, run as a real process with <c>dotnet</c>: read its first stdout
/// line, then stop it with SIGTERM and collect what it printed.
/// </summary>
internal sealed class SimulatorConsole : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task<string> stderr;
    private Task<string>? stdoutRest;

    private SimulatorConsole(Process process)
    {
        this.process = process;
        stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>tests/Tidemark.GitHubSimulator/bin/CONFIGURATION/TFM/Tidemark.GitHubSimulator.dll, next to this test build.</summary>
    public static string DllPath { get; } = Locate();

    public static SimulatorConsole Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new SimulatorConsole(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    public async Task<string> FirstLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var line = await process.StandardOutput.ReadLineAsync(cancel.Token);
        stdoutRest = process.StandardOutput.ReadToEndAsync();
        return line ?? throw new InvalidOperationException("the simulator closed stdout without a line: " + await stderr);
    }

    /// <summary>Sends SIGTERM, then waits for the exit.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> TerminateAsync(TimeSpan timeout)
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
        kill.ArgumentList.Add("-TERM");
        kill.ArgumentList.Add(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var sender = Process.Start(kill)!)
        {
            await sender.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitForExitAsync(TimeSpan timeout)
    {
        stdoutRest ??= process.StandardOutput.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdoutRest, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static string Locate()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "Tidemark.GitHubSimulator", "bin", configuration, output.Name, "Tidemark.GitHubSimulator.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build Tidemark.GitHubSimulator first (dotnet build Tidemark.slnx)", dll);
    }
}
