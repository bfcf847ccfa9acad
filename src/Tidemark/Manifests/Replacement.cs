namespace Tidemark.Manifests;

/// <summary>
/// One requested change to a found reference: a new tag, digest or name; null keeps the current value.
/// E.g. (site of <c>nginx:1.25.3</c>, <c>1.27.0</c>, null, null) writes <c>nginx:1.27.0</c>.
/// </summary>
internal sealed record Replacement(ReferenceSite Site, string? NewTag, string? NewDigest = null, string? NewName = null);
