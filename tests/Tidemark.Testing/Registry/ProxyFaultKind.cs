namespace Tidemark.Testing.Registry;

/// <summary>A fault <see cref="RegistryProxy"/> can inject instead of forwarding a request.</summary>
public enum ProxyFaultKind
{
    /// <summary>429 with a Retry-After header.</summary>
    TooManyRequests,

    /// <summary>503 with a JSON error body.</summary>
    ServiceUnavailable,

    /// <summary>The connection is aborted without an answer.</summary>
    ConnectionReset,

    /// <summary>200 with the first half of the real JSON body.</summary>
    TruncatedJson,
}
