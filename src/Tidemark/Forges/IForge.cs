namespace Tidemark.Forges;

/// <summary>
/// What automation needs of a forge: one repository (e.g. <c>acme/gitops</c> on GitHub), reached with that repository's
/// own token, and the converging pull-request verbs — calling one twice with the same input changes nothing the second
/// time. What diagnostics need is <see cref="IForgeDiagnostics"/>; a forge is registered in <see cref="ForgeRegistry"/>.
/// </summary>
internal interface IForge : IDisposable
{
    /// <summary>The repository's name, default branch, visibility and the caller's role on it.</summary>
    Task<ForgeRepository> GetRepositoryAsync(CancellationToken cancellationToken);

    /// <summary>The open pull request from <paramref name="updateBranch"/> (of this repository) into <paramref name="baseBranch"/>, or null.</summary>
    Task<PullRequestInfo?> FindOpenPullRequestAsync(string updateBranch, string baseBranch, CancellationToken cancellationToken);

    /// <summary>Pull requests from <paramref name="updateBranch"/> of this repository, newest first; closed ones too when asked.</summary>
    Task<IReadOnlyList<PullRequestInfo>> FindPullRequestsAsync(string updateBranch, PullRequestStateFilter state, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the one pull request for <see cref="PullRequestSpec.UpdateBranch"/> say what the spec says: creates it when
    /// missing, edits title/body only when they differ, adds missing labels and requests missing reviewers/assignees.
    /// </summary>
    Task<EnsureOutcome> EnsurePullRequestAsync(PullRequestSpec spec, CancellationToken cancellationToken);

    /// <summary>Comments (when <paramref name="comment"/> is given) and closes; an already closed pull request is left alone.</summary>
    Task ClosePullRequestAsync(int number, string? comment, CancellationToken cancellationToken);

    Task CommentAsync(int number, string body, CancellationToken cancellationToken);

    /// <summary>Deletes the branch; a branch that is already gone counts as deleted.</summary>
    Task DeleteBranchAsync(string branch, CancellationToken cancellationToken);
}
