using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.IntegrationTests.GitHub;

namespace Tidemark.IntegrationTests.Run;

/// <summary>git against the GitHub simulator over HTTP, with the token handed over by the credential helper.</summary>
public sealed class GitAuthSimulatorTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "tidemark-gitauth-" + Guid.NewGuid().ToString("N"));
    private readonly List<GitInvocation> invocations = [];

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private GitRunner Runner() =>
        new(new GitRunnerOptions(Path.Combine(root, ".home")), new Redactor(), NullLogger<GitRunner>.Instance, invocations.Add);

    [Fact]
    public async Task Clone_RevokedToken_IsBadCredentialsWithGitHubsWords()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = fixture.GitHub.IssueClassicToken("alice", ["repo"]);
        fixture.GitHub.Revoke(token);
        var remote = new GitRemote(fixture.GitHub.CloneUri(repository.Owner.Login, repository.Name).AbsoluteUri, repository.FullName);

        var error = await Assert.ThrowsAsync<GitException>(() =>
            GitRepository.CloneAsync(Runner(), remote, Path.Combine(root, "repo"), "main", token.Value, TimeProvider.System, CancellationToken.None));

        Assert.Equal(GitFailureKind.BadCredentials, error.Kind);
        Assert.Contains("Invalid username or token", error.GitOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clone_ValidToken_WorksWithTheTokenOnlyInTheHelpersVariable()
    {
        var repository = await fixture.NewRepositoryAsync();
        var token = fixture.GitHub.IssueClassicToken("alice", ["repo"]).Value;
        var remote = new GitRemote(fixture.GitHub.CloneUri(repository.Owner.Login, repository.Name).AbsoluteUri, repository.FullName);

        var clone = await GitRepository.CloneAsync(Runner(), remote, Path.Combine(root, "repo"), "main", token, TimeProvider.System, CancellationToken.None);
        var heads = await clone.FetchAsync("main", "tidemark/image-updates", CancellationToken.None);

        Assert.NotNull(heads.BaseSha);
        Assert.True(File.Exists(Path.Combine(clone.Directory, "deploy", "app.yaml")));
        var remoteCalls = invocations.Where(i => i.EnvironmentNames.Contains(GitAuth.TokenVariable)).Select(i => i.Arguments[0]).ToHashSet();
        Assert.Contains("clone", remoteCalls);
        Assert.Contains("fetch", remoteCalls);
        Assert.DoesNotContain("update-ref", remoteCalls);
        Assert.All(invocations.SelectMany(i => i.Arguments), a => Assert.DoesNotContain(token, a, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            Assert.DoesNotContain(token, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }
}
