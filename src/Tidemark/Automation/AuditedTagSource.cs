using Tidemark.Registries;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// Records every tag listing read from the network as <c>registry.list</c> of <c>host/repository</c>, naming the
/// registry credential that was used (none when anonymous). Sits under the tag cache, so cache hits — which use no
/// credential — are not recorded.
/// </summary>
internal sealed class AuditedTagSource(ITagSource registry, AuditTrail trail) : ITagSource
{
    public string? CredentialScope(RegistryRepository repository) => registry.CredentialScope(repository);

    public async Task<TagListing> ListTagsAsync(RegistryRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        TagListing listing;
        try
        {
            listing = await registry.ListTagsAsync(repository, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await trail.RecordFailureAsync(AuditActions.RegistryList, repository.ToString(), e).ConfigureAwait(false);
            throw;
        }

        var detail = $"{listing.Tags.Count} tags ({listing.Excluded} excluded)";
        await trail.WithToken(listing.Credential).RecordAsync(AuditActions.RegistryList, repository.ToString(), AuditOutcomes.Ok, detail, cancellationToken).ConfigureAwait(false);
        return listing;
    }
}
