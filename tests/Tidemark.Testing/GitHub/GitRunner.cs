using System.Diagnostics;

namespace Tidemark.Testing.GitHub;

/// <summary>Runs git against a bare repository with an explicit, isolated environment.</summary>
internal sealed class GitRunner(string homeDirectory)
{
    public const string ZeroSha = "0000000000000000000000000000000000000000";

    public async Task<GitResult> RunAsync(string gitDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--git-dir=" + gitDirectory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ApplyEnvironment(start.Environment, homeDirectory);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new GitResult(process.ExitCode, await stdout, await stderr);
    }

    public async Task<string> RunCheckedAsync(string gitDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken, params (string Name, string Value)[] environment)
    {
        var result = await RunAsync(gitDirectory, arguments, cancellationToken, environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result.Stderr.Trim()}");
        }

        return result.Stdout;
    }

    /// <summary>The SHA a ref points at, or null when it does not exist.</summary>
    public async Task<string?> ResolveAsync(string gitDirectory, string refName, CancellationToken cancellationToken)
    {
        var result = await RunAsync(gitDirectory, ["rev-parse", "--verify", "--quiet", refName + "^{commit}"], cancellationToken);
        return result.ExitCode == 0 ? result.Stdout.Trim() : null;
    }

    public async Task<bool> IsAncestorAsync(string gitDirectory, string ancestor, string descendant, CancellationToken cancellationToken)
    {
        var result = await RunAsync(gitDirectory, ["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken);
        return result.ExitCode == 0;
    }

    /// <summary>Keeps the user's and the system's git configuration out of the simulator's git calls.</summary>
    public static void ApplyEnvironment(IDictionary<string, string?> environment, string homeDirectory)
    {
        environment["HOME"] = homeDirectory;
        environment["XDG_CONFIG_HOME"] = homeDirectory;
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["LC_ALL"] = "C";
        foreach (var key in environment.Keys.Where(k => k.StartsWith("GIT_CONFIG_", StringComparison.Ordinal) && k != "GIT_CONFIG_NOSYSTEM").ToList())
        {
            environment.Remove(key);
        }
    }
}
