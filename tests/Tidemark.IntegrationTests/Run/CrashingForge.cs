using Tidemark.Forges;

namespace Tidemark.IntegrationTests.Run;

/// <summary>
/// A real forge that dies where a killed run would: every verb works, but ensuring the pull request fails — before
/// the pull request is written, or (<paramref name="afterEnsure"/>) right after it was written, before the run records it.
/// </summary>
internal sealed class CrashingForge(IForge inner, bool afterEnsure = false) : IForge
{
    public Task<ForgeRepository> GetRepositoryAsync(CancellationToken cancellationToken) => inner.GetRepositoryAsync(cancellationToken);

    public Task<PullRequestInfo?> FindOpenPullRequestAsync(string updateBranch, string baseBranch, CancellationToken cancellationToken) =>
        inner.FindOpenPullRequestAsync(updateBranch, baseBranch, cancellationToken);

    public Task<IReadOnlyList<PullRequestInfo>> FindPullRequestsAsync(string updateBranch, PullRequestStateFilter state, CancellationToken cancellationToken) =>
        inner.FindPullRequestsAsync(updateBranch, state, cancellationToken);

    public async Task<EnsureOutcome> EnsurePullRequestAsync(PullRequestSpec spec, CancellationToken cancellationToken)
    {
        if (afterEnsure)
        {
            await inner.EnsurePullRequestAsync(spec, cancellationToken);
            throw new ForgeException(ForgeErrorKind.Unavailable, "the run was killed after the pull request was written, before it was recorded");
        }
        throw new ForgeException(ForgeErrorKind.Unavailable, "the run was killed after the push, before the pull request");
    }

    public Task ClosePullRequestAsync(int number, string? comment, CancellationToken cancellationToken) => inner.ClosePullRequestAsync(number, comment, cancellationToken);

    public Task CommentAsync(int number, string body, CancellationToken cancellationToken) => inner.CommentAsync(number, body, cancellationToken);

    public Task DeleteBranchAsync(string branch, CancellationToken cancellationToken) => inner.DeleteBranchAsync(branch, cancellationToken);

    public void Dispose()
    {
        // the inner forge belongs to the test
    }
}
