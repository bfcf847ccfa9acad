using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>Real git over smart HTTP against the simulator: authentication texts, push rules, workflow rule.</summary>
public sealed class GitHubSimulatorGitTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private static readonly Dictionary<string, string> ContentsWrite = new() { ["contents"] = "write", ["pull_requests"] = "write" };
    private readonly GitCommand git = GitCommand.Create();

    private GitHubSimulator GitHub => fixture.GitHub;

    [Fact]
    public async Task Push_ClassicTokenWithRepoScope_CreatesBranch()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueClassicToken("alice", ["repo"]);

        var work = await git.CloneAndCommitAsync(GitHub.CloneUri("alice", repository.Name), token.Value, new Dictionary<string, string> { ["deploy/app.yaml"] = "image: nginx:1.26.0\n" });
        var push = await git.RunAsync(work, token.Value, "push", "origin", "HEAD:refs/heads/flux-image-updates");

        Assert.True(push.ExitCode == 0, push.Stderr);
        var head = await git.RunAsync(work, token.Value, "rev-parse", "HEAD");
        Assert.Equal(head.Stdout.Trim(), await ShaAsync(repository, "flux-image-updates"));
    }

    [Fact]
    public async Task Push_FineGrainedTokenWithContentsWrite_CreatesBranch()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueFineGrainedToken("bob", "alice", [repository.Name], ContentsWrite);

        var work = await git.CloneAndCommitAsync(GitHub.CloneUri("alice", repository.Name), token.Value, new Dictionary<string, string> { ["a.txt"] = "a" });
        var push = await git.RunAsync(work, token.Value, "push", "origin", "HEAD:refs/heads/feature");

        Assert.True(push.ExitCode == 0, push.Stderr);
        Assert.NotNull(await ShaAsync(repository, "feature"));
    }

    [Fact]
    public async Task Clone_BadToken_PrintsGitHubsInvalidTokenMessage()
    {
        var repository = await fixture.NewRepositoryAsync();

        var clone = await git.RunAsync(null, "ghp_" + TokenValuesForTests.Random(36), "clone", GitHub.CloneUri("alice", repository.Name).ToString(), "x");

        Assert.NotEqual(0, clone.ExitCode);
        Assert.Contains("remote: Invalid username or token. Password authentication is not supported for Git operations.", clone.Stderr, StringComparison.Ordinal);
        Assert.Contains("fatal: Authentication failed for", clone.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clone_RepositoryOutsideTokenSelection_PrintsRepositoryNotFound()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueFineGrainedToken("alice", "alice", ["some-other-repo"], ContentsWrite);

        var clone = await git.RunAsync(null, token.Value, "clone", GitHub.CloneUri("alice", repository.Name).ToString(), "x");

        Assert.Contains("remote: Repository not found.", clone.Stderr, StringComparison.Ordinal);
        Assert.Contains("fatal: repository '", clone.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_FineGrainedTokenWithContentsRead_PrintsWriteAccessNotGranted()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = GitHub.IssueFineGrainedToken("alice", "alice", [repository.Name], new Dictionary<string, string> { ["contents"] = "read" });

        var work = await git.CloneAndCommitAsync(GitHub.CloneUri("alice", repository.Name), token.Value, new Dictionary<string, string> { ["a.txt"] = "a" });
        var push = await git.RunAsync(work, token.Value, "push", "origin", "HEAD:refs/heads/feature");

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("remote: Write access to repository not granted.", push.Stderr, StringComparison.Ordinal);
        Assert.Contains("The requested URL returned error: 403", push.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ClassicTokenOfReadOnlyUser_PrintsPermissionDenied()
    {
        var repository = await fixture.NewRepositoryAsync();
        GitHub.AddCollaborator(repository, "carol", RepositoryRole.Read);
        var token = GitHub.IssueClassicToken("carol", ["repo"]);

        var work = await git.CloneAndCommitAsync(GitHub.CloneUri("alice", repository.Name), token.Value, new Dictionary<string, string> { ["a.txt"] = "a" });
        var push = await git.RunAsync(work, token.Value, "push", "origin", "HEAD:refs/heads/feature");

        Assert.Contains($"remote: Permission to alice/{repository.Name}.git denied to carol.", push.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ProtectedBranch_PrintsGH006AndProtectedBranchHookDeclined()
    {
        var repository = await fixture.NewRepositoryAsync();
        GitHub.Protect(repository, "main", new BranchProtection { RequiredStatusChecks = ["ci/build"] });
        var token = GitHub.IssueClassicToken("alice", ["repo", "workflow"]);

        var work = await git.CloneAndCommitAsync(GitHub.CloneUri("alice", repository.Name), token.Value, new Dictionary<string, string> { ["a.txt"] = "a" });
        var push = await git.RunAsync(work, token.Value, "push", "origin", "HEAD:main");

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("remote: error: GH006: Protected branch update failed for refs/heads/main.", push.Stderr, StringComparison.Ordinal);
        Assert.Contains("remote: error: Changes must be made through a pull request.", push.Stderr, StringComparison.Ordinal);
        Assert.Contains("remote: error: Required status check \"ci/build\" is expected.", push.Stderr, StringComparison.Ordinal);
        Assert.Contains(" ! [remote rejected] HEAD -> main (protected branch hook declined)", push.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcePush_NonFastForwardRuleset_PrintsGH013()
    {
        var repository = await fixture.NewRepositoryAsync();
        GitHub.AddRuleset(repository, "no force", ["refs/heads/flux-*"], ["non_fast_forward"]);
        await GitHub.CommitAsync(repository, "flux-image-updates", new Dictionary<string, string> { ["b.txt"] = "b" });
        var token = GitHub.IssueClassicToken("alice", ["repo"]);

        var work = await git.CloneAndCommitAsync(GitHub.CloneUri("alice", repository.Name), token.Value, new Dictionary<string, string> { ["a.txt"] = "a" });
        var push = await git.RunAsync(work, token.Value, "push", "--force", "origin", "HEAD:flux-image-updates");

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("remote: error: GH013: Repository rule violations found for refs/heads/flux-image-updates.", push.Stderr, StringComparison.Ordinal);
        Assert.Contains("remote: - Cannot force-push to this branch", push.Stderr, StringComparison.Ordinal);
        Assert.Contains("(push declined due to repository rule violations)", push.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TokenKind.Classic, "refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope")]
    [InlineData(TokenKind.FineGrained, "refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflows` permission")]
    public async Task Push_WorkflowChangeWithoutWorkflowPermission_IsRefusedWithGitHubsWording(TokenKind kind, string expected)
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = kind == TokenKind.Classic
            ? GitHub.IssueClassicToken("alice", ["repo"])
            : GitHub.IssueFineGrainedToken("alice", "alice", [repository.Name], ContentsWrite);

        var work = await git.CloneAndCommitAsync(GitHub.CloneUri("alice", repository.Name), token.Value, new Dictionary<string, string> { [".github/workflows/ci.yml"] = "on: pull_request\n" });
        var push = await git.RunAsync(work, token.Value, "push", "origin", "HEAD:refs/heads/flux-image-updates");

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains($" ! [remote rejected] HEAD -> flux-image-updates ({expected})", push.Stderr, StringComparison.Ordinal);
        Assert.Null(await ShaAsync(repository, "flux-image-updates"));
    }

    [Fact]
    public async Task Push_AppInstallationTokenFromJwt_CreatesBranch()
    {
        var repository = await fixture.NewRepositoryAsync();
        var app = GitHub.RegisterApp("tidemark-" + repository.Name);
        var installation = GitHub.Install(app, "alice", [repository.Name], ContentsWrite);
        using var http = new HttpClient { BaseAddress = GitHub.ApiUri };
        var token = await RestCalls.MintInstallationTokenAsync(http, app, installation.Id, fixture.Time.GetUtcNow());

        var work = await git.CloneAndCommitAsync(GitHub.CloneUri("alice", repository.Name), token, new Dictionary<string, string> { ["a.txt"] = "a" });
        var push = await git.RunAsync(work, token, "push", "origin", "HEAD:refs/heads/flux-image-updates");
        await File.WriteAllTextAsync(Path.Combine(work, ".github/workflows/ci.yml"), "on: pull_request\n");
        await git.RunAsync(work, token, "commit", "-qam", "workflow");
        var workflowPush = await git.RunAsync(work, token, "push", "origin", "HEAD:refs/heads/flux-image-updates");

        Assert.True(push.ExitCode == 0, push.Stderr);
        Assert.Contains("(refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission)", workflowPush.Stderr, StringComparison.Ordinal);
    }

    private async Task<string?> ShaAsync(SimRepository repository, string branch)
    {
        var result = await git.RunAsync(null, null, "--git-dir=" + repository.GitDirectory, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch);
        return result.ExitCode == 0 ? result.Stdout.Trim() : null;
    }
}
