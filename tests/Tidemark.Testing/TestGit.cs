using System.Diagnostics;

namespace Tidemark.Testing;

/// <summary>
/// The real git, run from a test to look at what Tidemark wrote (a branch's commits, a file at a ref), isolated from the
/// machine's configuration: no system config, <c>HOME</c> in the temp folder.
/// </summary>
public static class TestGit
{
    /// <summary>The git that PATH finds: the one a test's git shim hands each invocation to.</summary>
    public static string Executable { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "git")).First(File.Exists);

    /// <summary>Runs git with <paramref name="arguments"/>; its exit code and standard output.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        errors.Wait();
        return (process.ExitCode, output);
    }

    /// <summary>Runs git on the (bare) repository at <paramref name="gitDirectory"/>.</summary>
    public static (int ExitCode, string Output) InGitDir(string gitDirectory, params string[] arguments) => Run(["--git-dir", gitDirectory, .. arguments]);
}
