namespace Tidemark.Credentials;

/// <summary>
/// The repository a token is for and the REST API it lives behind, for sources that mint a token per repository
/// (the GitHub App). Example: (<c>https://api.github.com/</c>, <c>acme</c>, <c>gitops</c>).
/// </summary>
internal sealed record TokenTarget(Uri ApiBase, string Owner, string Repository)
{
    public string FullName => $"{Owner}/{Repository}";
}
