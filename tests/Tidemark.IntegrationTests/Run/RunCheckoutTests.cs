using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Run;

/// <summary>The checkout service against a real clone: only a missing branch is said to be a baseBranch problem.</summary>
public sealed class RunCheckoutTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Load_BaseBranchMissingOnTheRemote_IsAUsageErrorNamingBaseBranch()
    {
        using var scene = await fixture.NewSceneAsync();
        var (git, target) = await CloneAsync(scene);
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(scene.StatePath), TimeProvider.System, new Redactor(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            RunCheckout.LoadAsync(git, SilentRunReport.Instance, null, target, new AuditTrail(state.AuditWriter, null), "no-such-branch", CancellationToken.None));

        Assert.Contains("has no branch no-such-branch", error.Message, StringComparison.Ordinal);
        Assert.Contains("check baseBranch in tidemark.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_AnUnrelatedInvalidOperation_IsNotReportedAsABaseBranchProblem()
    {
        using var scene = await fixture.NewSceneAsync();
        var (git, target) = await CloneAsync(scene);
        var audit = new AuditTrail(new RefusingAuditWriter(), null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunCheckout.LoadAsync(git, SilentRunReport.Instance, null, target, audit, "main", CancellationToken.None));

        Assert.Equal(RefusingAuditWriter.Message, error.Message);
        Assert.IsNotType<UsageException>(error);
    }

    private static async Task<(GitRepository Git, RunTarget Target)> CloneAsync(RunScene scene)
    {
        var runner = new GitRunner(new GitRunnerOptions(Path.Combine(scene.WorkDir, ".home")), new Redactor(), NullLogger<GitRunner>.Instance);
        var target = RunTarget.FromUrl(scene.RemoteUrl, "--repo");
        var git = await GitRepository.CloneAsync(runner, target.Remote, Path.Combine(scene.WorkDir, "repo"), "main", scene.Token, TimeProvider.System, CancellationToken.None);
        return (git, target);
    }

    /// <summary>An audit writer failing the way an unrelated bug would: with an InvalidOperationException that has nothing to do with branches.</summary>
    private sealed class RefusingAuditWriter : IAuditWriter
    {
        public const string Message = "the audit writer is closed";

        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);
    }
}
