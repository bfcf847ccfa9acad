namespace Tidemark.Manifests;

/// <summary>Which part of a reference an edit target holds.</summary>
internal enum TargetPart
{
    /// <summary>The whole reference, <c>name[:tag][@digest]</c>, e.g. <c>nginx:1.25.3</c>.</summary>
    Whole,

    /// <summary>Only the tag, e.g. Helm <c>tag: 1.25.3</c> or Kustomize <c>newTag</c>.</summary>
    Tag,

    /// <summary>Only the repository name, e.g. Helm <c>repository</c> or Kustomize <c>newName</c>.</summary>
    Name,

    /// <summary>Only the registry host of a Helm <c>image.registry</c>.</summary>
    Registry,

    /// <summary>Only the digest, e.g. Helm <c>image.digest</c> or Kustomize <c>digest</c>.</summary>
    Digest,
}
