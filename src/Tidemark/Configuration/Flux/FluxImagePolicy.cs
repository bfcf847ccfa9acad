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

    /// <summary><c>metadata.labels</c>, matched by an automation's <c>policySelector</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>spec.suspend: true</c> (v1): the policy resolves nothing, so its markers are not updated.</summary>
    public bool Suspended { get; init; }
}
