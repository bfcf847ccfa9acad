namespace Tidemark.Registries;

/// <summary>
/// One lookup family for every artifact: a repository whose registry is an HTTP(S) URL (an HTTP Helm repository's
/// chart, e.g. <c>https://charts.example</c> + <c>podinfo</c>) is answered from that repository's <c>index.yaml</c>;
/// everything else (images, OCI charts, OCI artifacts) by the registry's tag list.
/// </summary>
internal sealed class ArtifactTagSource(ITagSource registry, HelmIndexClient charts) : ITagSource
{
    public async Task<TagListing> ListTagsAsync(RegistryRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (!HelmIndexClient.IsHelmRepository(repository.Registry))
        {
            return await registry.ListTagsAsync(repository, cancellationToken).ConfigureAwait(false);
        }
        var versions = await charts.VersionsAsync(repository.Registry, repository.Repository, cancellationToken).ConfigureAwait(false);
        return new TagListing(repository, versions, 0, []);
    }

    public string? CredentialScope(RegistryRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return HelmIndexClient.IsHelmRepository(repository.Registry) ? charts.CredentialScope(repository.Registry) : registry.CredentialScope(repository);
    }
}
