namespace Tidemark.Git;

/// <summary>
/// How git is run. <paramref name="HomeDirectory"/> becomes HOME for every git process: a private, empty
/// folder under Tidemark's work directory, so no user or machine configuration leaks in.
/// Example: <c>new GitRunnerOptions("/var/lib/tidemark/work/.home")</c>.
/// </summary>
internal sealed record GitRunnerOptions(string HomeDirectory, string Executable = "git")
{
    /// <summary>How long one git process may run before its process tree is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}
