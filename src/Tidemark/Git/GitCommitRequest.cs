namespace Tidemark.Git;

/// <summary>
/// The update branch as Tidemark wants it: <see cref="BaseSha"/> plus ONE commit holding <see cref="Files"/>.
/// Dates come from the repository's <see cref="TimeProvider"/>, so equal inputs at an equal time give an equal SHA.
/// </summary>
internal sealed record GitCommitRequest(
    string Branch,
    string BaseSha,
    IReadOnlyList<GitFileChange> Files,
    string Message,
    GitIdentity Author,
    GitIdentity Committer)
{
    /// <summary>Adds a <c>Signed-off-by: Committer &lt;email&gt;</c> trailer (DCO).</summary>
    public bool SignOff { get; init; }
}
