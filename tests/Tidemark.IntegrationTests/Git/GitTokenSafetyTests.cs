using Tidemark.Git;

namespace Tidemark.IntegrationTests.Git;

/// <summary>The token must never be a process argument nor land in any file of the work directory.</summary>
public sealed class GitTokenSafetyTests : IDisposable
{
    private const string Branch = "flux-image-updates";
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private async Task RunWholeCycleAsync()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var commit = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, commit!.Sha, null, CancellationToken.None);
        heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        await repository.ListCommitsAsync(heads.BaseSha, heads.UpdateSha!, CancellationToken.None);
        await repository.ProbeAccessAsync(Branch, CancellationToken.None);
        await repository.DeleteRemoteBranchAsync(Branch, commit.Sha, CancellationToken.None);
    }

    [Fact]
    public async Task WholeCycle_TokenNeverInAnyArgument()
    {
        await RunWholeCycleAsync();

        Assert.NotEmpty(_sandbox.Invocations);
        foreach (var argument in _sandbox.Invocations.SelectMany(i => i.Arguments))
        {
            foreach (var form in _sandbox.TokenForms())
            {
                Assert.DoesNotContain(form, argument, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task WholeCycle_TokenOnlyInEnvironmentOfRemoteCommands()
    {
        await RunWholeCycleAsync();

        var withToken = _sandbox.Invocations.Where(i => i.EnvironmentNames.Contains("GIT_CONFIG_KEY_0")).Select(i => i.Arguments[0]).ToHashSet();
        Assert.Subset(new HashSet<string> { "clone", "fetch", "ls-remote", "push", "checkout" }, withToken);
        Assert.Contains("push", withToken);
        Assert.DoesNotContain("commit", withToken);
        Assert.DoesNotContain("log", withToken);
    }

    [Fact]
    public async Task WholeCycle_TokenInNoFileUnderWorkDirectory()
    {
        await RunWholeCycleAsync();

        var files = Directory.EnumerateFiles(_sandbox.WorkPath, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
        Assert.Contains(files, f => f.EndsWith(Path.Combine(".git", "config"), StringComparison.Ordinal));
        foreach (var file in files.Concat(Directory.EnumerateFiles(_sandbox.BarePath, "*", SearchOption.AllDirectories)))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var form in _sandbox.TokenForms())
            {
                Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(form)) < 0, $"{form.Length}-char token form found in {file}");
            }
        }
    }

    [Fact]
    public async Task Failure_MessageMentioningToken_IsRedacted()
    {
        var remote = new GitRemote("file://" + Path.Combine(_sandbox.Root, _sandbox.Token + ".git"), "acme/gitops");
        _sandbox.Redactor.Register(_sandbox.Token);

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            GitRepository.CloneAsync(_sandbox.Runner, remote, _sandbox.ClonePath, "main", _sandbox.Token, _sandbox.Time, CancellationToken.None));

        Assert.DoesNotContain(_sandbox.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteUrlWithCredentials_IsRefused()
    {
        var remote = new GitRemote("https://x-access-token:" + _sandbox.Token + "@github.com/acme/gitops.git", "acme/gitops");

        var error = Assert.Throws<ArgumentException>(remote.EnsureNoCredentialsInUrl);

        Assert.DoesNotContain(_sandbox.Token, error.Message, StringComparison.Ordinal);
    }
}
