namespace Tidemark.Testing.Registry;

/// <summary>How <see cref="RegistryProxy"/> counts requests, by path.</summary>
public enum ProxyRequestKind
{
    /// <summary><c>/v2/</c></summary>
    Base,

    /// <summary><c>/v2/NAME/tags/list</c></summary>
    TagList,

    /// <summary><c>/v2/NAME/manifests/REF</c></summary>
    Manifest,

    Other,
}
