namespace Tidemark.Manifests;

/// <summary>What a reference pins: a container image, a Helm chart version, or another OCI artifact (a Flux <c>OCIRepository</c>).</summary>
internal enum ArtifactKind
{
    /// <summary>A container image, e.g. <c>nginx:1.25.3</c>.</summary>
    Image,

    /// <summary>A Helm chart version, e.g. a HelmRelease's <c>spec.chart.spec.version: 6.5.0</c>.</summary>
    HelmChart,

    /// <summary>An OCI artifact that is not a container image, e.g. an <c>OCIRepository</c>'s <c>spec.ref.tag</c>.</summary>
    OciArtifact,
}

/// <summary>The names of <see cref="ArtifactKind"/> as reported (JSON <c>artifact</c>, pull-request sections).</summary>
internal static class ArtifactKinds
{
    public static string Name(this ArtifactKind kind) => kind switch
    {
        ArtifactKind.HelmChart => "helm-chart",
        ArtifactKind.OciArtifact => "oci-artifact",
        _ => "image",
    };
}
