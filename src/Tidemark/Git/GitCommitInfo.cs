namespace Tidemark.Git;

/// <summary>One commit as git reports it: identity of its author and committer, its tree and parents.</summary>
internal sealed record GitCommitInfo(
    string Sha,
    string TreeSha,
    IReadOnlyList<string> Parents,
    GitIdentity Author,
    GitIdentity Committer,
    string Subject);
