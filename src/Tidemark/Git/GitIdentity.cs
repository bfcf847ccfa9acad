namespace Tidemark.Git;

/// <summary>A commit author or committer. Example: <c>new GitIdentity("Tidemark", "tidemark@users.noreply.github.com")</c>.</summary>
internal sealed record GitIdentity(string Name, string Email)
{
    public bool Matches(string name, string email) =>
        string.Equals(Email, email, StringComparison.OrdinalIgnoreCase) && string.Equals(Name, name, StringComparison.Ordinal);
}
