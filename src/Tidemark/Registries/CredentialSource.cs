namespace Tidemark.Registries;

/// <summary>
/// Where the credentials of a registry come from. A source names the place; it never holds a password
/// (tidemark.yaml: <c>registries: [{ host: quay.io, credentials: { helper: ecr-login } }]</c>).
/// </summary>
internal abstract record CredentialSource
{
    /// <summary>Describes the source for messages, e.g. <c>docker config /home/me/.docker/config.json</c>.</summary>
    public abstract string Describe();
}
