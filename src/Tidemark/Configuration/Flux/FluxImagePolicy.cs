namespace Tidemark.Configuration.Flux;

/// <summary>An <c>ImagePolicy</c>: which repository it reads, and its policy in Tidemark's syntax.</summary>
internal sealed record FluxImagePolicy(
    string Namespace,
    string Name,
    string RepositoryNamespace,
    string RepositoryName,
    PolicySpec? Policy,
    string DigestReflection,
    SourcePlace Place)
{
    /// <summary>The key a setter marker uses: <c>NAMESPACE:NAME</c>.</summary>
    public string Key => $"{Namespace}:{Name}";
}
