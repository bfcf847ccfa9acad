namespace Tidemark.Registries;

/// <summary>
/// Per-registry settings from tidemark.yaml: <c>Host</c> as in references (<c>quay.io</c>, <c>127.0.0.1:5000</c>),
/// plain HTTP when <c>Insecure</c>, a PEM CA bundle to validate the server chain against, where the credentials
/// come from, an optional per-host concurrency that overrides the client default, and an optional
/// <c>Endpoint</c> that receives this host's API requests instead (a mirror, or a local stand-in in the demo), and
/// <c>HelmSecrets</c>: the mounted Secrets whose Basic credentials a HelmRepository may send to this host (null: none).
/// </summary>
internal sealed record RegistrySettings(
    string Host,
    bool Insecure = false,
    string? CaBundlePath = null,
    CredentialSource? Credentials = null,
    int? Concurrency = null,
    Uri? Endpoint = null,
    IReadOnlyList<string>? HelmSecrets = null)
{
    public static RegistrySettings For(string host) => new(host);

    /// <summary>Whether the operator lets Secret <paramref name="secret"/>'s Basic credentials go to this host.</summary>
    public bool AllowsHelmSecret(string secret) => HelmSecrets?.Contains(secret, StringComparer.Ordinal) == true;
}
