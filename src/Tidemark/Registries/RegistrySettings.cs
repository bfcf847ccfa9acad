namespace Tidemark.Registries;

/// <summary>
/// Per-registry settings from tidemark.yaml: <c>Host</c> as in references (<c>quay.io</c>, <c>127.0.0.1:5000</c>),
/// plain HTTP when <c>Insecure</c>, a PEM CA bundle to validate the server chain against, where the credentials
/// come from, an optional per-host concurrency that overrides the client default, and an optional
/// <c>Endpoint</c> that receives this host's API requests instead (a mirror, or a local stand-in in the demo).
/// </summary>
internal sealed record RegistrySettings(
    string Host,
    bool Insecure = false,
    string? CaBundlePath = null,
    CredentialSource? Credentials = null,
    int? Concurrency = null,
    Uri? Endpoint = null)
{
    public static RegistrySettings For(string host) => new(host);
}
