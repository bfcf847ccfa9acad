namespace Tidemark.Manifests;

/// <summary>
/// One requested change to a found reference: a new tag, digest or name; null keeps the current value.
/// E.g. (site of <c>nginx:1.25.3</c>, <c>1.27.0</c>, null, null) writes <c>nginx:1.27.0</c>.
/// </summary>
internal sealed record Replacement(ReferenceSite Site, string? NewTag, string? NewDigest = null, string? NewName = null)
{
    /// <summary>
    /// For a site bound by a Flux setter marker: the whole text the marked scalar receives (Flux replaces the whole
    /// scalar, e.g. <c>ghcr.io/org/app:v1.2.0</c> or just <c>v1.2.0</c>); the other fields are then not used.
    /// </summary>
    public string? SetterValue { get; init; }
}
