namespace Tidemark.Git;

/// <summary>
/// Builds a git process's environment from nothing (STYLE.md §24): nothing inherited but PATH, HOME is a
/// private folder, prompts and the system config are off, messages are in the C locale so the classifier
/// can read them, and only <see cref="GitAuth"/> may use the GIT_CONFIG_* channel.
/// </summary>
internal static class GitEnvironment
{
    private static readonly string[] Reserved = ["GIT_CONFIG", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_SSH", "HOME", "PATH", "GIT_DIR", "GIT_EXEC_PATH", GitAuth.TokenVariable];

    public static IReadOnlyDictionary<string, string> Build(GitRunnerOptions options, GitRequest request)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = options.HomeDirectory,
            ["XDG_CONFIG_HOME"] = Path.Combine(options.HomeDirectory, ".config"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = Path.Combine(options.HomeDirectory, ".gitconfig"),
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GCM_INTERACTIVE"] = "never",
            ["LC_ALL"] = "C",
            ["LANG"] = "C",
        };
        foreach (var (name, value) in request.Environment)
        {
            if (Reserved.Any(r => name.StartsWith(r, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"the git environment variable {name} is set by the runner, not by callers", nameof(request));
            }

            environment[name] = value;
        }

        foreach (var (name, value) in request.Auth?.EnvironmentVariables() ?? [])
        {
            environment[name] = value;
        }

        return environment;
    }
}
