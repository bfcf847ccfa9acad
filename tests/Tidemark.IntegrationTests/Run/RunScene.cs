using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Cli;
using Tidemark.Credentials;
using Tidemark.Forges.GitHub;
using Tidemark.IntegrationTests.Cli;
using Tidemark.IntegrationTests.GitHub;
using Tidemark.State;
using Tidemark.Testing;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// One repository on the simulator and Tidemark's folders for it: <c>ROOT/work</c> (the clone and git's home) and
/// <c>ROOT/.tidemark/state.db</c> (the default beside the work directory). Runs `tidemark run` in-process with
/// GITHUB_TOKEN set, and reads what happened on the simulator's side.
/// </summary>
internal sealed class RunScene(GitHubSimulator github, SimRepository repository, SimToken simToken) : IDisposable
{
    public const string UpdateBranch = "flux-image-updates";

    private static readonly string[] Writes = ["POST", "PATCH", "PUT", "DELETE"];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"tidemark-run-{Guid.NewGuid():N}");

    public string WorkDir => Path.Combine(Root, "work");

    public string StatePath => Path.Combine(Root, ".tidemark", "state.db");

    public string Token => simToken.Value;

    public SimToken SimToken => simToken;

    public SimRepository Repository => repository;

    public GitHubSimulator GitHub => github;

    /// <summary>The clock `tidemark run` gets (the simulator's own clock when it is fake, so expiry follows it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Environment variables the run sees besides GITHUB_TOKEN, e.g. a next token.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The operator's <c>--config</c> file (registry endpoints live there, never in the repository), passed to
    /// <c>run</c>, <c>doctor</c> and <c>token</c> unless the arguments give their own <c>--config</c>; null: none.
    /// </summary>
    public string? OperatorConfig { get; set; }

    public string RemoteUrl => github.CloneUri(repository.Owner.Login, repository.Name).AbsoluteUri;

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    public Task<CliRun> RunAsync(params string[] extra) => RunWithAsync(new Dictionary<string, string>(), extra);

    /// <summary>Runs with environment variables besides GITHUB_TOKEN, e.g. TIDEMARK_GIT or TIDEMARK_LOG_LEVEL.</summary>
    public async Task<CliRun> RunWithAsync(IReadOnlyDictionary<string, string> variables, params string[] extra)
    {
        string[] repo = extra.Contains("--repo") ? [] : ["--repo", RemoteUrl];
        return await TidemarkWithAsync(variables, ["run", .. repo, "--api-url", github.ApiUri.AbsoluteUri, "--work-dir", WorkDir, .. extra]);
    }

    /// <summary>Any tidemark command with this scene's clock and environment.</summary>
    public Task<CliRun> TidemarkAsync(params string[] args) => TidemarkWithAsync(new Dictionary<string, string>(), args);

    /// <summary>The arguments with <c>--config OperatorConfig</c> added for run, doctor and token check, unless they name one.</summary>
    private string[] WithOperatorConfig(string[] args) =>
        OperatorConfig is null || args.Contains("--config") || !(args is ["run" or "doctor", ..] or ["token", "check", ..])
            ? args
            : [.. args, "--config", OperatorConfig];

    /// <summary>Any tidemark command with this scene's clock and environment plus <paramref name="extraVariables"/>.</summary>
    public async Task<CliRun> TidemarkWithAsync(IReadOnlyDictionary<string, string> extraVariables, string[] given)
    {
        var args = WithOperatorConfig(given);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment(stdout, stderr, Time, name => name == "GITHUB_TOKEN" ? Token : Variables.GetValueOrDefault(name) ?? extraVariables.GetValueOrDefault(name) ?? Default(name), ErrorIsTerminal: false);
        var code = await TidemarkApp.RunAsync(args, env, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// The scene's state database for every command, as an operator sets it (TIDEMARK_STATE): the commands run in this
    /// test process, whose current folder every scene shares; <c>--state</c> still wins.
    /// </summary>
    private string? Default(string name) => name == "TIDEMARK_STATE" ? StatePath : null;

    /// <summary>`tidemark run` with GITHUB_TOKEN set to <paramref name="token"/> instead of the scene's own token.</summary>
    public async Task<CliRun> RunWithTokenAsync(string token, params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment(stdout, stderr, TimeProvider.System, name => name == "GITHUB_TOKEN" ? token : Default(name), ErrorIsTerminal: false);
        var args = WithOperatorConfig(["run", "--repo", RemoteUrl, "--api-url", github.ApiUri.AbsoluteUri, "--work-dir", WorkDir, .. extra]);
        var code = await TidemarkApp.RunAsync(args, env, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public GitHubForge Forge() => new(new GitHubForgeOptions(github.ApiUri, repository.Owner.Login, repository.Name), _ => ValueTask.FromResult(Token), TimeProvider.System, NullLogger.Instance);

    /// <summary>REST writes (POST/PATCH/PUT/DELETE) the simulator has seen for this repository so far.</summary>
    public int RestWrites() =>
        github.Recorder.Exchanges.Count(e => Writes.Contains(e.Method) && e.Path.StartsWith($"/repos/{repository.FullName}/", StringComparison.Ordinal));

    /// <summary>The branch's head in the simulator's bare repository, or null when it does not exist.</summary>
    public string? BranchSha(string branch)
    {
        var (code, output) = Git("rev-parse", "--verify", "--quiet", "refs/heads/" + branch);
        return code == 0 ? output.Trim() : null;
    }

    /// <summary>The author and full message of the branch's head commit, as <c>NAME &lt;EMAIL&gt;\nMESSAGE</c>.</summary>
    public string HeadCommit(string branch) => Git("log", "-1", "--format=%an <%ae>%n%B", "refs/heads/" + branch).Output;

    /// <summary>Every commit of every branch in the simulator's bare repository: author, message and patch.</summary>
    public string AllHistory() => Git("log", "--all", "-p", "--format=%an <%ae>%n%B").Output;

    /// <summary>Merges the update branch's content into main as a person would with "squash and merge": one new commit on main.</summary>
    public async Task CommitUpdatesToMainAsync()
    {
        var (_, names) = Git("diff", "--name-only", "refs/heads/main", "refs/heads/" + UpdateBranch);
        var files = new Dictionary<string, string>();
        foreach (var name in names.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            files[name] = Git("show", $"refs/heads/{UpdateBranch}:{name}").Output;
        }

        Assert.NotEmpty(files);
        await github.CommitAsync(repository, "main", files, "Apply image updates");
    }

    /// <summary>A person reverts main to the content it had at <paramref name="sha"/> (one new commit; files added since are kept).</summary>
    public async Task RestoreMainAsync(string sha)
    {
        var (_, names) = Git("diff", "--name-only", sha, "refs/heads/main");
        var files = new Dictionary<string, string>();
        foreach (var name in names.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            files[name] = Git("show", $"{sha}:{name}").Output;
        }

        Assert.NotEmpty(files);
        await github.CommitAsync(repository, "main", files, "Revert image updates");
    }

    /// <summary>The operator edits the --config file: <paramref name="oldText"/> becomes <paramref name="newText"/> (which must occur).</summary>
    public void EditOperatorConfig(string oldText, string newText)
    {
        var path = OperatorConfig ?? throw new InvalidOperationException("this scene has no operator config");
        var content = File.ReadAllText(path);
        Assert.Contains(oldText, content, StringComparison.Ordinal);
        File.WriteAllText(path, content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>bob closes the pull request in the web UI (PATCH state=closed), without merging.</summary>
    public async Task CloseAsPersonAsync(int number)
    {
        using var http = new HttpClient { BaseAddress = github.ApiUri };
        var bob = github.IssueClassicToken("bob", ["repo"]).Value;
        var (response, _) = await RestCalls.SendAsync(http, HttpMethod.Patch, $"repos/{repository.FullName}/pulls/{number}", bob, new { state = "closed" });
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    /// <summary>A person edits one file on main: <paramref name="oldText"/> becomes <paramref name="newText"/> (which must occur).</summary>
    public async Task EditOnMainAsync(string path, string oldText, string newText)
    {
        var content = Git("show", "refs/heads/main:" + path).Output;
        Assert.Contains(oldText, content, StringComparison.Ordinal);
        await github.CommitAsync(repository, "main", new Dictionary<string, string> { [path] = content.Replace(oldText, newText, StringComparison.Ordinal) }, "Edit " + path);
    }

    /// <summary>bob merges the pull request in the web UI (PUT .../merge, a merge commit on the base).</summary>
    public async Task MergeAsPersonAsync(int number)
    {
        using var http = new HttpClient { BaseAddress = github.ApiUri };
        var bob = github.IssueClassicToken("bob", ["repo"]).Value;
        var (response, json) = await RestCalls.SendAsync(http, HttpMethod.Put, $"repos/{repository.FullName}/pulls/{number}/merge", bob, new { merge_method = "merge" });
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} {json?.ToJsonString()}");
    }

    /// <summary>The audit rows of <paramref name="action"/>.</summary>
    public Task<IReadOnlyList<AuditRecord>> AuditAsync(AuditAction action) => AuditAsync(action.Name);

    /// <summary>The audit rows of <paramref name="action"/> (null: of every action).</summary>
    public async Task<IReadOnlyList<AuditRecord>> AuditAsync(string? action)
    {
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(StatePath), TimeProvider.System, new Redactor(), CancellationToken.None);
        return await state.AuditReader.QueryAsync(new AuditQuery(Action: action is null ? null : AuditAction.FromStored(action), Limit: 1000), CancellationToken.None);
    }

    private (int Code, string Output) Git(params string[] arguments) => TestGit.InGitDir(repository.GitDirectory, arguments);
}
