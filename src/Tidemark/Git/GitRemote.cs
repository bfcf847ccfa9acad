namespace Tidemark.Git;

/// <summary>
/// A remote repository: its URL (no credentials in it) and the name people know it by.
/// Example: <c>new GitRemote("https://github.com/acme/gitops.git", "acme/gitops")</c>.
/// </summary>
internal sealed record GitRemote(string Url, string Name)
{
    public void EnsureNoCredentialsInUrl()
    {
        if (Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            throw new ArgumentException($"the remote URL for {Name} carries credentials; give the token separately so it never lands in .git/config");
        }
    }
}
