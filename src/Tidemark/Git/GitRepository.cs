using System.Globalization;

namespace Tidemark.Git;

/// <summary>
/// One clone of a remote in a work directory, and the operations Tidemark needs on it: fetch the base and
/// update branches, build the update branch as base + one commit, compare, inspect who committed, push
/// with a lease, delete, probe. Only the processes that talk to the remote (clone, fetch, ls-remote, push,
/// and checkout, which may fetch blobs lazily in a partial clone) receive the token.
/// </summary>
internal sealed class GitRepository
{
    private const char Field = '\u001f';
    private const char RecordEnd = '\u001e';
    private const string LogFormat = "--format=%H%x1f%T%x1f%P%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%s%x1e";

    private readonly GitRunner _runner;
    private readonly Func<CancellationToken, ValueTask<string>>? _tokens;
    private readonly TimeProvider _time;

    private GitRepository(GitRunner runner, GitRemote remote, string directory, Func<CancellationToken, ValueTask<string>>? tokens, TimeProvider time)
    {
        _runner = runner;
        Remote = remote;
        Directory = directory;
        _tokens = tokens;
        _time = time;
    }

    public GitRemote Remote { get; }

    /// <summary>The work tree (the clone's root).</summary>
    public string Directory { get; }

    /// <summary>Clones <paramref name="remote"/> into <paramref name="directory"/> once (blobs on demand, only the base branch); an existing clone is opened instead.</summary>
    public static Task<GitRepository> CloneAsync(GitRunner runner, GitRemote remote, string directory, string baseBranch, string? token, TimeProvider time, CancellationToken cancellationToken) =>
        CloneAsync(runner, remote, directory, baseBranch, Fixed(token), time, cancellationToken);

    /// <summary>
    /// Clones (or opens) with a token provider asked before each process that talks to the remote, so a token that is
    /// renewed during a run (a GitHub App's installation token) is always the current one.
    /// </summary>
    public static async Task<GitRepository> CloneAsync(GitRunner runner, GitRemote remote, string directory, string baseBranch, Func<CancellationToken, ValueTask<string>>? tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        remote.EnsureNoCredentialsInUrl();
        var full = Path.GetFullPath(directory);
        if (System.IO.Directory.Exists(Path.Combine(full, ".git")))
        {
            return await OpenAsync(runner, remote, full, tokens, time, cancellationToken).ConfigureAwait(false);
        }

        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException("a clone needs a parent folder", nameof(directory));
        System.IO.Directory.CreateDirectory(parent);
        var repository = new GitRepository(runner, remote, full, tokens, time);
        string[] arguments = ["--filter=blob:none", "--single-branch", "--no-tags", "--branch", GitNames.Branch(baseBranch), "--", remote.Url, full];
        await repository.RunAsync(GitSubcommand.Clone, arguments, "clone", baseBranch, authenticated: true, parent, cancellationToken).ConfigureAwait(false);
        return repository;
    }

    /// <summary>Opens an existing clone at <paramref name="directory"/>; its origin must be <paramref name="remote"/>.</summary>
    public static Task<GitRepository> OpenAsync(GitRunner runner, GitRemote remote, string directory, string? token, TimeProvider time, CancellationToken cancellationToken) =>
        OpenAsync(runner, remote, directory, Fixed(token), time, cancellationToken);

    /// <summary>Opens an existing clone; <paramref name="tokens"/> is asked before each process that talks to the remote.</summary>
    public static async Task<GitRepository> OpenAsync(GitRunner runner, GitRemote remote, string directory, Func<CancellationToken, ValueTask<string>>? tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        remote.EnsureNoCredentialsInUrl();
        var repository = new GitRepository(runner, remote, Path.GetFullPath(directory), tokens, time);
        var url = (await repository.RunAsync(GitSubcommand.LsRemote, ["--get-url", "origin"], "open", null, false, null, cancellationToken).ConfigureAwait(false)).StandardOutput.Trim();
        if (!string.Equals(url, remote.Url, StringComparison.Ordinal))
        {
            throw new CloneMismatchException(repository.Directory, url, remote.Url);
        }

        return repository;
    }

    /// <summary>Reads the remote's heads for the given branches (a network call; absent branches are omitted).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListRemoteBranchesAsync(IReadOnlyList<string> branches, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "--heads", "origin" };
        arguments.AddRange(branches.Select(b => "refs/heads/" + GitNames.Branch(b)));
        var result = await RunAsync(GitSubcommand.LsRemote, arguments, "ls-remote", null, true, null, cancellationToken).ConfigureAwait(false);
        var heads = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(result.StandardOutput))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[1].StartsWith("refs/heads/", StringComparison.Ordinal))
            {
                heads[parts[1]["refs/heads/".Length..]] = parts[0];
            }
        }

        return heads;
    }

    /// <summary>Fetches the base and (if it exists) the update branch into refs/remotes/origin/*, and forgets an update branch the remote no longer has.</summary>
    public async Task<RemoteBranchHeads> FetchAsync(string baseBranch, string updateBranch, CancellationToken cancellationToken)
    {
        var heads = await ListRemoteBranchesAsync([baseBranch, updateBranch], cancellationToken).ConfigureAwait(false);
        if (!heads.TryGetValue(baseBranch, out var baseSha))
        {
            throw new MissingBranchException(Remote.Name, baseBranch);
        }

        var arguments = new List<string> { "--prune", "--no-tags", "origin", RefSpec(baseBranch) };
        var updateSha = heads.GetValueOrDefault(updateBranch);
        if (updateSha is not null)
        {
            arguments.Add(RefSpec(updateBranch));
        }

        await RunAsync(GitSubcommand.Fetch, arguments, "fetch", baseBranch, true, null, cancellationToken).ConfigureAwait(false);
        if (updateSha is null)
        {
            await RunAsync(GitSubcommand.UpdateRef, ["-d", "refs/remotes/origin/" + updateBranch], "fetch", updateBranch, false, null, cancellationToken).ConfigureAwait(false);
        }

        return new RemoteBranchHeads(baseSha, updateSha);
    }

    /// <summary>Checks out <paramref name="sha"/> (detached, discarding local changes) so the work tree can be read, e.g. the base head for planning.</summary>
    public Task CheckoutAsync(string sha, CancellationToken cancellationToken) =>
        RunAsync(GitSubcommand.Checkout, ["--force", "--detach", GitNames.Sha(sha)], "checkout", null, true, null, cancellationToken);

    /// <summary>The commit a revision names in the clone, or null when it names none.</summary>
    public async Task<string?> ResolveAsync(string revision, CancellationToken cancellationToken)
    {
        var request = Request(GitSubcommand.RevParse, ["--verify", "--quiet", "--end-of-options", revision + "^{commit}"], "rev-parse", null) with { AcceptedExitCodes = [0, 1] };
        var result = await _runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    public async Task<GitCommitInfo> GetCommitAsync(string sha, CancellationToken cancellationToken)
    {
        var result = await RunAsync(GitSubcommand.Log, ["-1", LogFormat, GitNames.Sha(sha)], "log", null, false, null, cancellationToken).ConfigureAwait(false);
        return ParseCommits(result.StandardOutput).Single();
    }

    /// <summary>Commits reachable from <paramref name="tipSha"/> but not from <paramref name="baseSha"/>, newest first.</summary>
    public async Task<IReadOnlyList<GitCommitInfo>> ListCommitsAsync(string baseSha, string tipSha, CancellationToken cancellationToken)
    {
        var range = GitNames.Sha(baseSha) + ".." + GitNames.Sha(tipSha);
        var result = await RunAsync(GitSubcommand.Log, [LogFormat, range], "log", null, false, null, cancellationToken).ConfigureAwait(false);
        return ParseCommits(result.StandardOutput);
    }

    /// <summary>
    /// Makes local branch <see cref="GitCommitRequest.Branch"/> = base + one commit with the files. Returns
    /// the commit, or null when the files already equal the base (nothing to propose).
    /// </summary>
    public async Task<GitCommitInfo?> CommitUpdateAsync(GitCommitRequest request, CancellationToken cancellationToken)
    {
        var branch = GitNames.Branch(request.Branch);
        await RunAsync(GitSubcommand.Checkout, ["--force", "--no-track", "-B", branch, GitNames.Sha(request.BaseSha)], "checkout", branch, true, null, cancellationToken).ConfigureAwait(false);
        var paths = new List<string>();
        foreach (var file in request.Files)
        {
            var target = WorkTreePaths.Resolve(Directory, file.Path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, file.Content, cancellationToken).ConfigureAwait(false);
            paths.Add(file.Path);
        }

        if (paths.Count > 0)
        {
            await RunAsync(GitSubcommand.Add, ["--", .. paths], "add", branch, false, null, cancellationToken).ConfigureAwait(false);
        }

        var diff = Request(GitSubcommand.Diff, ["--cached", "--quiet"], "diff", branch) with { AcceptedExitCodes = [0, 1] };
        if ((await _runner.RunAsync(diff, cancellationToken).ConfigureAwait(false)).ExitCode == 0)
        {
            return null;
        }

        await _runner.RunAsync(CommitRequest(request, branch), cancellationToken).ConfigureAwait(false);
        var head = await ResolveAsync("HEAD", cancellationToken).ConfigureAwait(false);
        return await GetCommitAsync(head!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True when the remote update branch is already exactly the wanted change: one commit whose only
    /// parent is the current base and whose tree equals <paramref name="localSha"/>'s. Then there is nothing to push.
    /// </summary>
    public async Task<bool> IsSameUpdateAsync(string remoteUpdateSha, string localSha, CancellationToken cancellationToken)
    {
        var remote = await GetCommitAsync(remoteUpdateSha, cancellationToken).ConfigureAwait(false);
        var local = await GetCommitAsync(localSha, cancellationToken).ConfigureAwait(false);
        return remote.TreeSha == local.TreeSha && remote.Parents.SequenceEqual(local.Parents, StringComparer.Ordinal);
    }

    /// <summary>
    /// Pushes <paramref name="localSha"/> to the remote branch only if the remote still has
    /// <paramref name="expectedRemoteSha"/> (null: only if the branch does not exist yet).
    /// </summary>
    public Task PushAsync(string branch, string localSha, string? expectedRemoteSha, CancellationToken cancellationToken)
    {
        var refName = "refs/heads/" + GitNames.Branch(branch);
        var lease = $"--force-with-lease={refName}:{(expectedRemoteSha is null ? "" : GitNames.Sha(expectedRemoteSha))}";
        return RunAsync(GitSubcommand.Push, ["--no-verify", lease, "origin", $"{GitNames.Sha(localSha)}:{refName}"], "push", branch, true, null, cancellationToken);
    }

    /// <summary>Deletes the remote branch if it still points at <paramref name="expectedSha"/>.</summary>
    public Task DeleteRemoteBranchAsync(string branch, string expectedSha, CancellationToken cancellationToken)
    {
        var refName = "refs/heads/" + GitNames.Branch(branch);
        return RunAsync(GitSubcommand.Push, ["--no-verify", $"--force-with-lease={refName}:{GitNames.Sha(expectedSha)}", "origin", ":" + refName], "delete branch", branch, true, null, cancellationToken);
    }

    /// <summary>
    /// Finds whether the token can read (<c>ls-remote</c>) and push (a <c>push --dry-run</c> of the base head
    /// to <paramref name="branch"/>, which makes the server check write access without changing anything).
    /// </summary>
    public async Task<GitAccessProbe> ProbeAccessAsync(string branch, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(GitSubcommand.LsRemote, ["--heads", "origin"], "ls-remote", null, true, null, cancellationToken).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            return new GitAccessProbe(false, false, e.Failure);
        }

        try
        {
            var refName = "refs/heads/" + GitNames.Branch(branch);
            await RunAsync(GitSubcommand.Push, ["--dry-run", "--no-verify", "--force", "origin", "HEAD:" + refName], "push --dry-run", branch, true, null, cancellationToken).ConfigureAwait(false);
            return new GitAccessProbe(true, true, null);
        }
        catch (GitException e)
        {
            return new GitAccessProbe(true, false, e.Failure);
        }
    }

    private GitRequest CommitRequest(GitCommitRequest request, string branch)
    {
        var date = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = request.Author.Name,
            ["GIT_AUTHOR_EMAIL"] = request.Author.Email,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = request.Committer.Name,
            ["GIT_COMMITTER_EMAIL"] = request.Committer.Email,
            ["GIT_COMMITTER_DATE"] = date,
        };
        var arguments = new List<string> { "--no-verify", "--no-gpg-sign", "--cleanup=whitespace", "-m", request.Message };
        if (request.SignOff)
        {
            arguments.Add("--signoff");
        }

        return Request(GitSubcommand.Commit, arguments, "commit", branch) with { Environment = environment };
    }

    private async Task<GitResult> RunAsync(GitSubcommand subcommand, IReadOnlyList<string> arguments, string operation, string? branch, bool authenticated, string? workingDirectory, CancellationToken cancellationToken)
    {
        // the token is fetched per process: a provider that renews it (GitHub App) hands each git process a live one
        var auth = authenticated && _tokens is not null ? new GitAuth(Remote.Url, await _tokens(cancellationToken).ConfigureAwait(false)) : null;
        var request = Request(subcommand, arguments, operation, branch) with
        {
            Auth = auth,
            WorkingDirectory = workingDirectory ?? Directory,
        };
        return await _runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static Func<CancellationToken, ValueTask<string>>? Fixed(string? token) =>
        string.IsNullOrEmpty(token) ? null : _ => ValueTask.FromResult(token);

    private GitRequest Request(GitSubcommand subcommand, IReadOnlyList<string> arguments, string operation, string? branch) =>
        new(subcommand, arguments, Directory, new GitFailureContext(Remote.Name, branch, operation));

    private static string RefSpec(string branch) => $"+refs/heads/{GitNames.Branch(branch)}:refs/remotes/origin/{branch}";

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<GitCommitInfo> ParseCommits(string output)
    {
        var commits = new List<GitCommitInfo>();
        foreach (var record in output.Split(RecordEnd, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = record.Split(Field);
            var parents = f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            commits.Add(new GitCommitInfo(f[0], f[1], parents, new GitIdentity(f[3], f[4]), new GitIdentity(f[5], f[6]), f[7]));
        }

        return commits;
    }
}
