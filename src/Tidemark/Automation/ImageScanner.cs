using Tidemark.Registries;
using Tidemark.Versions;

namespace Tidemark.Automation;

/// <summary>
/// The Lookup and per-image Decide stages for a list of images: one listing per distinct repository (the tag
/// source memoises), then each image's policy applied to its repository's tags.
/// </summary>
internal sealed class ImageScanner(ITagSource tags)
{
    public async Task<IReadOnlyList<ScanResult>> ScanAsync(IReadOnlyList<ScanRequest> requests, bool explain, IProgress<ScanResult>? progress, CancellationToken cancellationToken)
    {
        var scans = requests.Select(request => ScanOneAsync(request, explain, progress, cancellationToken));
        return await Task.WhenAll(scans).ConfigureAwait(false);
    }

    private async Task<ScanResult> ScanOneAsync(ScanRequest request, bool explain, IProgress<ScanResult>? progress, CancellationToken cancellationToken)
    {
        var repository = new RegistryRepository(request.Reference.Registry, request.Reference.Repository);
        ScanResult result;
        try
        {
            var listing = await tags.ListTagsAsync(repository, cancellationToken).ConfigureAwait(false);
            var selection = TagSelector.Select(request.Policy.Policy, request.Policy.Filter, listing.Tags, request.Reference.Tag, explain);
            result = new ScanResult(request, listing, selection, null);
        }
        catch (RegistryException e)
        {
            result = new ScanResult(request, null, null, e);
        }
        progress?.Report(result);
        return result;
    }
}
