using System.Text.RegularExpressions;

namespace Tidemark.Testing.GitHub;

/// <summary>Creates the bare repositories: hook installed, receive-pack routed through it, optional initial content.</summary>
internal sealed partial class BareRepositories(GitRunner git, string root)
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();

    public async Task<string> CreateAsync(string owner, string name, string defaultBranch, CancellationToken cancellationToken)
    {
        if (!SafeName().IsMatch(owner) || !SafeName().IsMatch(name) || name.EndsWith(".git", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{owner}/{name}' is not a repository name the simulator accepts");
        }

        var gitDir = Path.Combine(root, owner, name + ".git");
        Directory.CreateDirectory(gitDir);
        await git.RunCheckedAsync(gitDir, ["init", "--quiet", "--bare", "--initial-branch=" + defaultBranch, gitDir], cancellationToken);
        await git.RunCheckedAsync(gitDir, ["config", "receive.procReceiveRefs", "refs/heads"], cancellationToken);
        await git.RunCheckedAsync(gitDir, ["config", "http.receivepack", "true"], cancellationToken);
        var hook = Path.Combine(gitDir, "hooks", "proc-receive");
        await ExecutableScript.WriteAsync(hook, HookScript.Text + "\n", "755");

        return gitDir;
    }

    /// <summary>Commits the files (path → content) or a folder's content as the first commit of <paramref name="branch"/>.</summary>
    public async Task<string> ImportAsync(string gitDir, string branch, string folder, string message, DateTimeOffset when, CancellationToken cancellationToken)
    {
        var index = Path.Combine(gitDir, "import-index");
        var date = when.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + " +0000";
        IReadOnlyList<string> identity = ["-c", "user.name=Simulator", "-c", "user.email=simulator@example.invalid"];
        try
        {
            await git.RunCheckedAsync(gitDir, [.. identity, "--work-tree=" + folder, "add", "--all"],
                cancellationToken, ("GIT_INDEX_FILE", index));
            var tree = (await git.RunCheckedAsync(gitDir, ["write-tree"], cancellationToken, ("GIT_INDEX_FILE", index))).Trim();
            var commit = (await git.RunCheckedAsync(gitDir, [.. identity, "commit-tree", tree, "-m", message], cancellationToken,
                ("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date))).Trim();
            await git.RunCheckedAsync(gitDir, ["update-ref", "refs/heads/" + branch, commit], cancellationToken);
            return commit;
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>Commits files (path → content) on top of <paramref name="parent"/> (a SHA or ref) and points <paramref name="branch"/> at it.</summary>
    public async Task<string> CommitAsync(string gitDir, string branch, string parent, IReadOnlyDictionary<string, string> files, string message, DateTimeOffset when, CancellationToken cancellationToken)
    {
        var index = Path.Combine(gitDir, "commit-index-" + TokenValues.Random(8));
        var date = when.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + " +0000";
        var parentSha = (await git.RunCheckedAsync(gitDir, ["rev-parse", parent + "^{commit}"], cancellationToken)).Trim();
        try
        {
            await git.RunCheckedAsync(gitDir, ["read-tree", parentSha], cancellationToken, ("GIT_INDEX_FILE", index));
            foreach (var (path, content) in files)
            {
                var temp = Path.Combine(gitDir, "blob-" + TokenValues.Random(8));
                await File.WriteAllTextAsync(temp, content, cancellationToken);
                var blob = (await git.RunCheckedAsync(gitDir, ["hash-object", "-w", temp], cancellationToken)).Trim();
                File.Delete(temp);
                await git.RunCheckedAsync(gitDir, ["update-index", "--add", "--cacheinfo", "100644," + blob + "," + path], cancellationToken, ("GIT_INDEX_FILE", index));
            }

            var tree = (await git.RunCheckedAsync(gitDir, ["write-tree"], cancellationToken, ("GIT_INDEX_FILE", index))).Trim();
            var commit = (await git.RunCheckedAsync(gitDir, ["-c", "user.name=Simulator", "-c", "user.email=simulator@example.invalid", "commit-tree", tree, "-p", parentSha, "-m", message],
                cancellationToken, ("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date))).Trim();
            await git.RunCheckedAsync(gitDir, ["update-ref", "refs/heads/" + branch, commit], cancellationToken);
            return commit;
        }
        finally
        {
            File.Delete(index);
        }
    }
}
