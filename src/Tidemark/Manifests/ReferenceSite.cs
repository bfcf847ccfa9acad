using Tidemark.Images;

namespace Tidemark.Manifests;

/// <summary>
/// One image reference found in a file, e.g. <c>apps/web.yaml</c> line 21 column 16, kind <c>kubernetes</c>,
/// <c>nginx:1.25.3</c>, written as <c>nginx:1.25.3</c>, with one <see cref="TargetPart.Whole"/> target.
/// A Helm <c>image: {repository, tag}</c> gives one site whose <see cref="Image"/> is built from the parts and
/// whose <see cref="Targets"/> point at the individual scalars. <see cref="Image"/> is null only for a Flux
/// <c>:tag</c> or <c>:digest</c> marker with no repository beside it: its ImagePolicy supplies the name.
/// </summary>
internal sealed record ReferenceSite(
    string File,
    int Line,
    int Column,
    string Kind,
    ImageReference? Image,
    string Written,
    IReadOnlyList<EditTarget> Targets,
    SetterMarker? Marker)
{
    /// <summary>What the reference pins: an image (the default), a Helm chart version or another OCI artifact.</summary>
    public ArtifactKind Artifact { get; init; } = ArtifactKind.Image;

    /// <summary>The object that holds a chart or artifact reference, e.g. <c>HelmRelease apps/podinfo</c>; null for images.</summary>
    public string? Holder { get; init; }

    /// <summary>
    /// The version range written in place of a version (a HelmRelease <c>version: "1.x"</c>, an OCIRepository
    /// <c>ref.semver</c>): Flux resolves it on every reconciliation, so it is reported and never pinned. Null for a version.
    /// </summary>
    public string? Floating { get; init; }

    /// <summary>For a HelmRelease chart version before the repository-wide pass: the chart and its source object. The
    /// pass sets <see cref="Image"/> from the <c>HelmRepository</c> and clears this.</summary>
    public ChartSource? Chart { get; init; }

    /// <summary>The Flux object that holds the reference (an <c>OCIRepository</c>'s namespace and name), for <c>chartRef</c> matching; null elsewhere.</summary>
    public FluxObjectId? FluxObject { get; init; }

    /// <summary>The target holding <paramref name="part"/>, or the whole reference, or null.</summary>
    public EditTarget? TargetFor(TargetPart part) =>
        Targets.FirstOrDefault(t => t.Part == part) ?? Targets.FirstOrDefault(t => t.Part == TargetPart.Whole);
}
