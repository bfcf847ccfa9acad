using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Git;

public sealed class GitRunnerTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task GetVersion_InstalledGit_IsAtLeastTwo()
    {
        var version = await _sandbox.Runner.GetVersionAsync(CancellationToken.None);

        Assert.True(version.Major >= 2, version.ToString());
    }

    [Fact]
    public async Task Run_Timeout_KillsAndThrowsTimeout()
    {
        // A stand-in for git that never answers, so the timeout (not machine load) decides the outcome.
        var slowGit = Path.Combine(_sandbox.Root, "slow-git");
        await ExecutableScript.WriteAsync(slowGit, "#!/bin/sh\nexec sleep 30\n");
        var options = new GitRunnerOptions(Path.Combine(_sandbox.Root, ".home"), slowGit) { Timeout = TimeSpan.FromMilliseconds(300) };
        var runner = new GitRunner(options, new Redactor(), NullLogger<GitRunner>.Instance);

        var error = await Assert.ThrowsAsync<GitException>(() => runner.GetVersionAsync(CancellationToken.None));

        Assert.Equal(GitFailureKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task Run_Cancelled_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _sandbox.Runner.GetVersionAsync(cancelled.Token));
    }

    [Theory]
    [InlineData("http.extraHeader")]
    [InlineData("credential.helper")]
    [InlineData("url.https://evil.example/.insteadOf")]
    [InlineData("core.sshCommand")]
    public async Task Run_ConfigOfSensitiveKey_IsRefused(string key)
    {
        var request = new GitRequest(GitSubcommand.Config, ["--local", key, "x"], _sandbox.Root, new GitFailureContext("acme/gitops", null, "config"));

        await Assert.ThrowsAsync<ArgumentException>(() => _sandbox.Runner.RunAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task Run_ArgumentContainingRegisteredSecret_IsRefusedBeforeStarting()
    {
        _sandbox.Redactor.Register(_sandbox.Token);
        var request = new GitRequest(GitSubcommand.LsRemote, ["https://x:" + _sandbox.Token + "@example.invalid/r.git"], _sandbox.Root, new GitFailureContext("acme/gitops", null, "ls-remote"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _sandbox.Runner.RunAsync(request, CancellationToken.None));

        Assert.Empty(_sandbox.Invocations);
        Assert.DoesNotContain(_sandbox.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CallerSetsGitConfigVariable_IsRefused()
    {
        var request = new GitRequest(GitSubcommand.Version, [], _sandbox.Root, new GitFailureContext("git", null, "version"))
        {
            Environment = new Dictionary<string, string> { ["GIT_CONFIG_COUNT"] = "1" },
        };

        await Assert.ThrowsAsync<ArgumentException>(() => _sandbox.Runner.RunAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task Run_Environment_IsBuiltFromScratch()
    {
        await _sandbox.Runner.GetVersionAsync(CancellationToken.None);

        var names = Assert.Single(_sandbox.Invocations).EnvironmentNames;
        Assert.Contains("GIT_TERMINAL_PROMPT", names);
        Assert.Contains("GIT_CONFIG_NOSYSTEM", names);
        Assert.Contains("LC_ALL", names);
        Assert.DoesNotContain("GIT_ASKPASS", names);
        Assert.DoesNotContain("USER", names);
    }
}
