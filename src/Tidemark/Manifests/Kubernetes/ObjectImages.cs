using Tidemark.Manifests.HelmValues;
using Tidemark.Manifests.Kustomize;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.Kubernetes;

/// <summary>
/// Images anywhere in a Kubernetes object (a document with <c>apiVersion</c> and <c>kind</c>), so custom resources
/// are covered without knowing their schema: EnvoyProxy <c>spec.provider.kubernetes.envoyDeployment.container.image</c>,
/// Dragonfly <c>spec.image</c>, CloudNativePG <c>spec.imageName</c>, Tekton steps, Argo Workflows templates. An
/// <c>image</c>/<c>imageName</c> string counts only when it parses with a tag or a digest (an ImageRepository's
/// <c>image: ghcr.io/org/app</c> names a repository, <c>image: true</c> nothing), and so does a Helm-style
/// <c>{registry?, repository, tag}</c> map and an image volume's <c>image.reference</c>. A Flux Kustomization's
/// <c>spec.images</c> entries are read as the <c>kustomize</c> kind reads <c>images:</c>. Container images are left to
/// the container walk; a HelmRelease's values are left to the <c>helmrelease</c> kind.
/// </summary>
internal static class ObjectImages
{
    private static readonly string[] ImageKeys = ["image", "imageName"];

    /// <summary>Adds the images of <paramref name="root"/> whose scalar does not start at an offset in <paramref name="claimed"/>.</summary>
    public static void Find(YamlNode? root, HashSet<int> claimed, Findings findings)
    {
        if (root is not YamlMapping top || top.Scalar("apiVersion") is null || top.Text("kind") is not { } kind || kind == "HelmRelease")
        {
            return;
        }
        if (kind == "Kustomization" && top.Get("spec") is YamlMapping spec && spec.Get("images") is YamlSequence images)
        {
            // A Flux Kustomization overrides images as kustomization.yaml does: {name, newName, newTag, digest}.
            foreach (var image in images.Items.OfType<YamlMapping>())
            {
                KustomizeKind.AddImage(image, findings);
            }
        }
        YamlKinds.ForEachMapping(top, mapping =>
        {
            if (HelmImageShapes.AddTaggedComposite(mapping, findings))
            {
                return;
            }
            foreach (var entry in mapping.Entries)
            {
                if (entry.KeyText is not { } key || !ImageKeys.Contains(key, StringComparer.Ordinal))
                {
                    continue;
                }
                // An image volume (Kubernetes 1.31+) names its image as volumes[].image.reference.
                var image = entry.Value is YamlMapping volume ? volume.Scalar("reference") : entry.Value as YamlScalar;
                if (image is not null && claimed.Add(image.Span.Start))
                {
                    findings.AddTagged(image);
                }
            }
        });
    }
}
