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
    /// <summary>The target holding <paramref name="part"/>, or the whole reference, or null.</summary>
    public EditTarget? TargetFor(TargetPart part) =>
        Targets.FirstOrDefault(t => t.Part == part) ?? Targets.FirstOrDefault(t => t.Part == TargetPart.Whole);
}
