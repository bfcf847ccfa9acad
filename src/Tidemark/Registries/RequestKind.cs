namespace Tidemark.Registries;

/// <summary>The kinds of HTTP request the client counts.</summary>
internal enum RequestKind
{
    TagPage,
    Token,
    ManifestHead,
}
