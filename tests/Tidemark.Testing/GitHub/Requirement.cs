namespace Tidemark.Testing.GitHub;

/// <summary>
/// What an operation needs: alternatives of fine-grained permission=level pairs, rendered as GitHub's
/// <c>X-Accepted-GitHub-Permissions</c> (pairs joined by ',' and alternatives by "; ").
/// </summary>
internal sealed record Requirement(IReadOnlyList<(string Permission, string Level)> Alternatives)
{
    public static Requirement Of(string permission, string level) => new([(permission, level)]);

    public static readonly Requirement MetadataRead = Of("metadata", "read");

    public static readonly Requirement ContentsRead = Of("contents", "read");

    public static readonly Requirement ContentsWrite = Of("contents", "write");

    public static readonly Requirement PullsRead = Of("pull_requests", "read");

    public static readonly Requirement PullsWrite = Of("pull_requests", "write");

    public static readonly Requirement AdministrationRead = Of("administration", "read");

    public static readonly Requirement IssuesOrPullsRead = new([("issues", "read"), ("pull_requests", "read")]);

    public static readonly Requirement IssuesOrPullsWrite = new([("issues", "write"), ("pull_requests", "write")]);

    public bool IsWrite => Alternatives.Any(a => a.Level == "write");

    public override string ToString() => string.Join("; ", Alternatives.Select(a => $"{a.Permission}={a.Level}"));
}
