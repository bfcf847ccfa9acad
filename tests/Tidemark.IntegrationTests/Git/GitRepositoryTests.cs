using Tidemark.Git;

namespace Tidemark.IntegrationTests.Git;

public sealed class GitRepositoryTests : IDisposable
{
    private const string Branch = "flux-image-updates";
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Clone_FileRemote_ChecksOutBaseHead()
    {
        var repository = await _sandbox.CloneAsync();

        var head = await repository.ResolveAsync("HEAD", CancellationToken.None);

        Assert.Equal(_sandbox.Raw(_sandbox.SeedPath, "rev-parse", "main").Trim(), head);
        Assert.True(File.Exists(Path.Combine(_sandbox.ClonePath, "apps/podinfo/release.yaml")));
    }

    [Fact]
    public async Task Clone_ExistingClone_OpensItInsteadOfCloningAgain()
    {
        await _sandbox.CloneAsync();
        var clones = _sandbox.Invocations.Count(i => i.Arguments[0] == "clone");

        var again = await _sandbox.CloneAsync();

        Assert.Equal(clones, _sandbox.Invocations.Count(i => i.Arguments[0] == "clone"));
        Assert.Equal(_sandbox.ClonePath, again.Directory);
    }

    [Fact]
    public async Task Fetch_NoUpdateBranch_ReturnsBaseAndNullUpdate()
    {
        var repository = await _sandbox.CloneAsync();

        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);

        Assert.Equal(await repository.ResolveAsync("origin/main", CancellationToken.None), heads.BaseSha);
        Assert.Null(heads.UpdateSha);
    }

    [Fact]
    public async Task Fetch_BaseMovedRemotely_SeesNewBaseIncrementally()
    {
        var repository = await _sandbox.CloneAsync();
        var moved = _sandbox.HumanCommit("README.md", "hello\n", "Add readme");
        _sandbox.Raw(_sandbox.SeedPath, "push", "--quiet", "origin", "main");

        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);

        Assert.Equal(moved, heads.BaseSha);
        Assert.Equal(moved, await repository.ResolveAsync("refs/remotes/origin/main", CancellationToken.None));
    }

    [Fact]
    public async Task CommitUpdate_ThenPushWithEmptyLease_CreatesBranchAsBasePlusOneCommit()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);

        var commit = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, commit!.Sha, null, CancellationToken.None);

        var remote = await repository.ListRemoteBranchesAsync([Branch], CancellationToken.None);
        Assert.Equal(commit.Sha, remote[Branch]);
        Assert.Equal([heads.BaseSha], commit.Parents);
        Assert.Equal(GitSandbox.Tidemark, commit.Author);
        Assert.Equal(GitSandbox.Tidemark, commit.Committer);
        Assert.Single(await repository.ListCommitsAsync(heads.BaseSha, commit.Sha, CancellationToken.None));
    }

    [Fact]
    public async Task CommitUpdate_SameInputsAtSameTime_GivesSameSha()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);

        var first = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        var second = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);

        Assert.Equal(first!.Sha, second!.Sha);
    }

    [Fact]
    public async Task CommitUpdate_SignOff_AddsTrailerForCommitter()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);

        var commit = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha) with { SignOff = true }, CancellationToken.None);

        var body = _sandbox.Raw(_sandbox.ClonePath, "log", "-1", "--format=%B", commit!.Sha);
        Assert.Contains($"Signed-off-by: {GitSandbox.Tidemark.Name} <{GitSandbox.Tidemark.Email}>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitUpdate_FilesEqualBase_ReturnsNull()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);

        var commit = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha, "6.5.0"), CancellationToken.None);

        Assert.Null(commit);
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData(".git/config")]
    [InlineData("/etc/passwd")]
    public async Task CommitUpdate_PathOutsideWorkTree_IsRefused(string path)
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var request = GitSandbox.Update(heads.BaseSha) with { Files = [new GitFileChange(path, new byte[] { 1 })] };

        await Assert.ThrowsAsync<ArgumentException>(() => repository.CommitUpdateAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task IsSameUpdate_RemoteHasSameTreeOnSameBase_True()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var pushed = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, pushed!.Sha, null, CancellationToken.None);
        _sandbox.Time.Advance(TimeSpan.FromHours(1));

        heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var rebuilt = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);

        Assert.NotEqual(pushed.Sha, rebuilt!.Sha);
        Assert.True(await repository.IsSameUpdateAsync(heads.UpdateSha!, rebuilt.Sha, CancellationToken.None));
    }

    [Fact]
    public async Task IsSameUpdate_BaseMoved_False()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var pushed = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, pushed!.Sha, null, CancellationToken.None);
        _sandbox.HumanCommit("README.md", "hello\n", "Add readme");
        _sandbox.Raw(_sandbox.SeedPath, "push", "--quiet", "origin", "main");

        heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var rebuilt = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);

        Assert.False(await repository.IsSameUpdateAsync(heads.UpdateSha!, rebuilt!.Sha, CancellationToken.None));
    }

    [Fact]
    public async Task ListCommits_HumanCommitOnUpdateBranch_IsFoundAsForeign()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var pushed = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, pushed!.Sha, null, CancellationToken.None);
        _sandbox.Raw(_sandbox.SeedPath, "fetch", "--quiet", "origin");
        _sandbox.Raw(_sandbox.SeedPath, "checkout", "--quiet", "-b", Branch, "origin/" + Branch);
        var human = _sandbox.HumanCommit("apps/podinfo/release.yaml", "image: ghcr.io/stefanprodan/podinfo:6.6.1\n", "Pin a patch");
        _sandbox.Raw(_sandbox.SeedPath, "push", "--quiet", "origin", Branch);

        heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var commits = await repository.ListCommitsAsync(heads.BaseSha, heads.UpdateSha!, CancellationToken.None);
        var foreign = ForeignCommits.Find(commits, GitSandbox.Tidemark);

        Assert.Equal(2, commits.Count);
        Assert.Equal(human, Assert.Single(foreign).Sha);
        Assert.Equal(GitSandbox.Human, foreign[0].Author);
    }

    [Fact]
    public async Task Push_LeaseOnOldSha_IsRejectedAsStaleLease()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var first = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, first!.Sha, null, CancellationToken.None);
        var second = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha, "6.7.0"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<GitException>(() => repository.PushAsync(Branch, second!.Sha, heads.BaseSha, CancellationToken.None));

        Assert.Equal(GitFailureKind.StaleLease, error.Kind);
        Assert.Equal(first.Sha, (await repository.ListRemoteBranchesAsync([Branch], CancellationToken.None))[Branch]);
    }

    [Fact]
    public async Task Push_EmptyLeaseButBranchExists_IsRejectedAsStaleLease()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var first = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, first!.Sha, null, CancellationToken.None);
        var second = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha, "6.7.0"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<GitException>(() => repository.PushAsync(Branch, second!.Sha, null, CancellationToken.None));

        Assert.Equal(GitFailureKind.StaleLease, error.Kind);
    }

    [Fact]
    public async Task Push_LeaseOnCurrentSha_ForcePushesNewCommit()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var first = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, first!.Sha, null, CancellationToken.None);
        var second = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha, "6.7.0"), CancellationToken.None);

        await repository.PushAsync(Branch, second!.Sha, first.Sha, CancellationToken.None);

        Assert.Equal(second.Sha, (await repository.ListRemoteBranchesAsync([Branch], CancellationToken.None))[Branch]);
    }

    [Fact]
    public async Task DeleteRemoteBranch_AtExpectedSha_RemovesItAndFetchForgetsIt()
    {
        var repository = await _sandbox.CloneAsync();
        var heads = await repository.FetchAsync("main", Branch, CancellationToken.None);
        var commit = await repository.CommitUpdateAsync(GitSandbox.Update(heads.BaseSha), CancellationToken.None);
        await repository.PushAsync(Branch, commit!.Sha, null, CancellationToken.None);
        await repository.FetchAsync("main", Branch, CancellationToken.None);

        await repository.DeleteRemoteBranchAsync(Branch, commit.Sha, CancellationToken.None);

        var after = await repository.FetchAsync("main", Branch, CancellationToken.None);
        Assert.Null(after.UpdateSha);
        Assert.Null(await repository.ResolveAsync("refs/remotes/origin/" + Branch, CancellationToken.None));
    }

    [Fact]
    public async Task ProbeAccess_WritableRemote_CanReadAndPushWithoutChangingIt()
    {
        var repository = await _sandbox.CloneAsync();

        var probe = await repository.ProbeAccessAsync(Branch, CancellationToken.None);

        Assert.Equal(new GitAccessProbe(true, true, null), probe);
        Assert.Empty(await repository.ListRemoteBranchesAsync([Branch], CancellationToken.None));
    }

    [Fact]
    public async Task Clone_MissingRemote_ThrowsRepositoryNotFound()
    {
        var missing = _sandbox.Remote with { Url = "file://" + Path.Combine(_sandbox.Root, "nowhere.git") };

        var error = await Assert.ThrowsAsync<GitException>(() =>
            GitRepository.CloneAsync(_sandbox.Runner, missing, _sandbox.ClonePath, "main", _sandbox.Token, _sandbox.Time, CancellationToken.None));

        Assert.Equal(GitFailureKind.RepositoryNotFound, error.Kind);
        Assert.Contains("acme/gitops", error.Message, StringComparison.Ordinal);
    }
}
