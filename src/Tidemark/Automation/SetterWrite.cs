using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>
/// What a Flux setter marker writes, exactly as image-automation-controller writes it (research/flux.md §4.1): the
/// whole marked scalar is replaced by the policy's latest reference or one part of it. For an ImagePolicy over
/// <c>ghcr.io/org/app</c> that selected <c>v1.2.0</c> (digest <c>sha256:ab…</c>):
/// <c>ns:app</c> → <c>ghcr.io/org/app:v1.2.0</c> (<c>…@sha256:ab…</c> when the policy reflects digests),
/// <c>ns:app:tag</c> → <c>v1.2.0</c>, <c>ns:app:name</c> → <c>ghcr.io/org/app</c>, <c>ns:app:digest</c> → <c>sha256:ab…</c>.
/// </summary>
/// <param name="PolicyImage">The ImageRepository's <c>spec.image</c> verbatim (Flux's <c>latestRef.name</c>).</param>
/// <param name="ReflectsDigest">The policy's <c>digestReflectionPolicy</c> is <c>IfNotPresent</c> or <c>Always</c>.</param>
internal sealed record SetterWrite(MarkerForm Form, string PolicyImage, bool ReflectsDigest)
{
    /// <summary>Whether the value needs the selected tag's digest from the registry.</summary>
    public bool NeedsDigest => Form == MarkerForm.Digest || (Form == MarkerForm.Full && ReflectsDigest);

    /// <summary>The scalar's new text, or null when it needs a digest that is not known.</summary>
    public string? Value(string tag, string? digest) => Form switch
    {
        MarkerForm.Tag => tag,
        MarkerForm.Name => PolicyImage,
        MarkerForm.Digest => digest,
        _ when ReflectsDigest => digest is null ? null : $"{PolicyImage}:{tag}@{digest}",
        _ => $"{PolicyImage}:{tag}",
    };

    /// <summary>
    /// Whether the scalar must be rewritten although the tag stays: a whole-reference or <c>:name</c> marker whose
    /// name differs from the policy's image, or whose digest Flux would add or drop.
    /// </summary>
    public bool RewritesWithoutNewTag(ReferenceSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return Form switch
        {
            MarkerForm.Name => site.Targets[0].CurrentText != PolicyImage,
            MarkerForm.Full when site.Image is { } image => image.WrittenName != PolicyImage || (image.Digest is null) == ReflectsDigest,
            _ => false,
        };
    }
}
