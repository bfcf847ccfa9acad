namespace Tidemark.Configuration;

/// <summary>
/// Settings for one registry host. Credentials are never written here: <see cref="Credentials"/> names where
/// to get them (a docker config file, a credential helper, or environment variables). <see cref="Endpoint"/>
/// sends the host's API requests to another address (a mirror).
/// </summary>
internal sealed record RegistryConfig(string Host, bool Insecure, string? CaBundle, RegistryCredentialConfig? Credentials, Uri? Endpoint, SourcePlace Place);
