using System.Diagnostics;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>
/// Runs the real git client with an isolated configuration. The token travels in the environment
/// (SIM_TOKEN, read by an inline credential helper), never on the command line or in a URL.
/// </summary>
internal sealed class GitCommand(string home)
{
    public static GitCommand Create() => new(Directory.CreateTempSubdirectory("tidemark-git-home-").FullName);

    public string Home => home;

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? workDirectory, string? token, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory ?? home,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var env = start.Environment;
        env["HOME"] = home;
        env["XDG_CONFIG_HOME"] = home;
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        env["GIT_TERMINAL_PROMPT"] = "0";
        env["LC_ALL"] = "C";
        env["SIM_TOKEN"] = token ?? "";
        env["GIT_CONFIG_COUNT"] = "3";
        env["GIT_CONFIG_KEY_0"] = "credential.helper";
        env["GIT_CONFIG_VALUE_0"] = token is null ? "" : "!f() { echo username=x-access-token; echo \"password=$SIM_TOKEN\"; }; f";
        env["GIT_CONFIG_KEY_1"] = "user.name";
        env["GIT_CONFIG_VALUE_1"] = "Test";
        env["GIT_CONFIG_KEY_2"] = "user.email";
        env["GIT_CONFIG_VALUE_2"] = "test@example.invalid";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Clones, writes the files, commits; returns the work tree.</summary>
    public async Task<string> CloneAndCommitAsync(Uri remote, string token, IReadOnlyDictionary<string, string> files, string message = "change")
    {
        var work = Path.Combine(home, "w" + Guid.NewGuid().ToString("N")[..8]);
        var clone = await RunAsync(null, token, "clone", "--quiet", remote.ToString(), work);
        Assert.True(clone.ExitCode == 0, clone.Stderr);
        foreach (var (path, content) in files)
        {
            var file = Path.Combine(work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, content);
        }

        Assert.Equal(0, (await RunAsync(work, token, "add", "--all")).ExitCode);
        Assert.Equal(0, (await RunAsync(work, token, "commit", "--quiet", "-m", message)).ExitCode);
        return work;
    }
}
