namespace Tidemark.Testing.GitHub;

/// <summary>A user's role on a repository (GitHub's read/write/admin subset).</summary>
public enum RepositoryRole
{
    Read,
    Write,
    Admin,
}
