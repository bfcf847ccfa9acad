namespace Tidemark.Configuration;

/// <summary>
/// Settings for one registry host. Credentials are never written here: <see cref="Credentials"/> names where
/// to get them (a docker config file, a credential helper, or environment variables). <see cref="Endpoint"/>
/// sends the host's API requests to another address (a mirror). <see cref="HelmSecrets"/> names the mounted Secrets
/// whose <c>username</c>/<c>password</c> a HelmRepository's <c>spec.secretRef</c> may send to this host (the operator
/// binds each Secret to hosts; the repository only picks one of them).
/// </summary>
internal sealed record RegistryConfig(string Host, bool Insecure, string? CaBundle, RegistryCredentialConfig? Credentials, Uri? Endpoint, SourcePlace Place)
{
    public IReadOnlyList<string> HelmSecrets { get; init; } = [];
}
