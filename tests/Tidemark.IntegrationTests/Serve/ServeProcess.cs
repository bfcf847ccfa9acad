using System.Diagnostics;
using System.Text;

namespace Tidemark.IntegrationTests.Serve;

/// <summary>One <c>tidemark serve</c> process (the CLI built with the tests); its log is kept; the PostgreSQL password only in PGPASSWORD.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ServeProcess(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public bool Exited => process.HasExited;

    public static ServeProcess Start(string settings, string token, string? password, string? git)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliDll());
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(settings);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TIDEMARK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["GITHUB_TOKEN"] = token;
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        if (git is not null)
        {
            start.Environment["TIDEMARK_GIT"] = git;
        }

        return new ServeProcess(Process.Start(start)!);
    }

    /// <summary>Sends SIGTERM, as Kubernetes does, and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(within);
        return process.ExitCode;
    }

    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string CliDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Tidemark.Cli", "bin", output.Parent.Name, output.Name, "Tidemark.Cli.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build Tidemark.Cli first (dotnet build Tidemark.slnx)", dll);
    }
}
