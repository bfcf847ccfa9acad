using Tidemark.Registries;
using Tidemark.Versions;

namespace Tidemark.Automation;

/// <summary>
/// What a scan found for one image: how many tags the registry listed (after exclusions), the selection (null
/// when the listing failed) and, on failure, the registry error.
/// </summary>
internal sealed record ScanResult(ScanRequest Request, TagListing? Listing, Selection? Selection, RegistryException? Error)
{
    public string? Selected => Selection?.Selected;

    /// <summary>One line saying why this tag (or none) was selected, or what failed.</summary>
    public string Reason => Error?.Message ?? Selection?.Reason ?? "";
}
