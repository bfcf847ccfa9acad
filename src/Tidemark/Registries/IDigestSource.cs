namespace Tidemark.Registries;

/// <summary>Reads the manifest digest of a tag, e.g. <c>sha256:0f3a…</c>.</summary>
internal interface IDigestSource
{
    Task<string> GetDigestAsync(RegistryRepository repository, string tag, CancellationToken cancellationToken);
}
