namespace Tidemark.Cli.Commands;

/// <summary>One fine-grained repository permission <c>tidemark token new</c> asks for, and why. Example: (Contents, Read and write, true, …).</summary>
internal sealed record TokenPermission(string Name, string Access, bool Required, string Why)
{
    public static IReadOnlyList<TokenPermission> FineGrained(bool workflows)
    {
        var permissions = new List<TokenPermission>
        {
            new("Contents", "Read and write", true, "commit and push the update branch"),
            new("Pull requests", "Read and write", true, "open, update and close the pull request"),
            new("Metadata", "Read-only", true, "GitHub requires it for every fine-grained token"),
        };
        if (workflows)
        {
            permissions.Add(new("Workflows", "Read and write", true, "an update path includes .github/workflows; pushing changes there needs it"));
        }

        permissions.Add(new("Commit statuses", "Read and write", false, "only if Tidemark should post commit statuses"));
        return permissions;
    }
}
