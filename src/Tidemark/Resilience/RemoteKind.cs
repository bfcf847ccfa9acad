namespace Tidemark.Resilience;

/// <summary>The kinds of remote Tidemark talks to; each has one <see cref="RemotePolicy"/>.</summary>
internal enum RemoteKind
{
    /// <summary>A container registry (tags, digests, its token endpoint).</summary>
    Registry,

    /// <summary>A forge's REST API (GitHub), for automation and for <c>tidemark doctor</c>.</summary>
    Forge,

    /// <summary>A token service, e.g. the GitHub App endpoints that mint installation tokens.</summary>
    TokenService,
}
