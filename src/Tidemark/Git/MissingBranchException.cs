namespace Tidemark.Git;

/// <summary>The remote has no branch of that name (e.g. a <c>baseBranch</c> that does not exist); the message names the remote and the branch.</summary>
internal sealed class MissingBranchException(string remote, string branch)
    : InvalidOperationException($"{remote} has no branch {branch}")
{
    public string Branch { get; } = branch;
}
