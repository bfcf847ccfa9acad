using Tidemark.Configuration.Flux;
using Tidemark.Images;
using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>
/// A reference found in the repository, bound to the image it names and the policy that governs it:
/// an ImagePolicy through a setter marker, a <c>tidemark.yaml</c> rule, or the default.
/// </summary>
/// <param name="Image">The image repository and the tag (and digest) in use, e.g. <c>quay.io/jetstack/cert-manager-controller:v1.16.2</c>.</param>
/// <param name="Origin">Where the policy comes from, e.g. <c>ImagePolicy flux-system:cert-manager-controller</c>.</param>
/// <param name="PolicyImage">For a reference bound by a setter marker, the ImageRepository's <c>spec.image</c> as written
/// there (Flux's <c>latestRef.name</c>), e.g. <c>ghcr.io/org/app</c>: what a <c>:name</c> or whole-reference marker receives.</param>
internal sealed record GovernedReference(ReferenceSite Site, ImageReference Image, ResolvedPolicy Policy, string Origin, FluxImagePolicy? FluxPolicy, string? PolicyImage = null)
{
    /// <summary>References with the same key share one decision.</summary>
    public ImageKey Key => new(Image.Name, Image.Tag, Policy.Text);

    /// <summary>The setter marker and the image its policy names, when a marker binds this reference.</summary>
    public SetterWrite? Setter => Site.Marker is { } marker && PolicyImage is { } image
        ? new SetterWrite(marker.Form, image, FluxPolicy is { DigestReflection: not "Never" })
        : null;
}
