namespace Tidemark.Registries;

/// <summary>Why a registry request failed, classified by who has to act.</summary>
internal enum RegistryErrorKind
{
    /// <summary>No connection (refused, DNS, TLS, reset, timeout): the address or the network.</summary>
    Unreachable,

    /// <summary>401/403 or a refused token: the credentials.</summary>
    Unauthorized,

    /// <summary>404: the repository or tag name.</summary>
    NotFound,

    /// <summary>429 after all retries: the request rate.</summary>
    RateLimited,

    /// <summary>5xx after all retries: the registry itself.</summary>
    ServerError,

    /// <summary>An answer that is not what the distribution API specifies (bad JSON, missing digest).</summary>
    InvalidResponse,
}
