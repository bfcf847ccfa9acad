namespace Tidemark.Git;

/// <summary>
/// Finds commits on the update branch that Tidemark did not make, so they are never overwritten silently.
/// A commit is foreign when its author or committer is not the Tidemark identity, when it is a merge
/// (Tidemark never merges), or — when the caller knows which commits Tidemark pushed (state store:
/// last pushed SHA, recorded before the push) — when it is not one of them.
/// </summary>
internal static class ForeignCommits
{
    public static IReadOnlyList<GitCommitInfo> Find(IReadOnlyList<GitCommitInfo> commits, GitIdentity tidemark, IReadOnlySet<string>? pushedByTidemark = null)
    {
        ArgumentNullException.ThrowIfNull(commits);
        ArgumentNullException.ThrowIfNull(tidemark);
        return [.. commits.Where(c => IsForeign(c, tidemark, pushedByTidemark))];
    }

    private static bool IsForeign(GitCommitInfo commit, GitIdentity tidemark, IReadOnlySet<string>? pushed) =>
        !tidemark.Matches(commit.Author.Name, commit.Author.Email)
        || !tidemark.Matches(commit.Committer.Name, commit.Committer.Email)
        || commit.Parents.Count > 1
        || (pushed is not null && !pushed.Contains(commit.Sha));
}
