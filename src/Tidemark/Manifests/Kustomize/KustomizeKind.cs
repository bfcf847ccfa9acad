using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.Kustomize;

/// <summary>
/// The <c>images:</c> of a <c>kustomization.yaml</c>, <c>kustomization.yml</c> or <c>Kustomization</c>, e.g.
/// <c>- {name: nginx, newName: ghcr.io/org/nginx, newTag: 1.25.3, digest: sha256:…}</c>: the reference is
/// <c>newName</c> (or <c>name</c>) with <c>newTag</c> and <c>digest</c>; the targets are those scalars.
/// </summary>
internal sealed class KustomizeKind : IManifestKind
{
    public string Name => "kustomize";

    public bool Handles(string path) => YamlKinds.FileName(path) is "kustomization.yaml" or "kustomization.yml" or "Kustomization";

    public bool Screen(string content) => content.Contains("images", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        foreach (var document in file.Documents)
        {
            if (document.Root is YamlMapping root && root.Get("images") is YamlSequence images)
            {
                foreach (var image in images.Items.OfType<YamlMapping>())
                {
                    AddImage(image, findings);
                }
            }
        }
        return findings.ToFindings();
    }

    /// <summary>Adds one <c>images:</c> entry; also used for a Flux Kustomization's <c>spec.images</c>, which has the same shape.</summary>
    public static void AddImage(YamlMapping image, Findings findings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(findings);
        var newName = image.Scalar("newName");
        var name = newName ?? image.Scalar("name");
        if (name is null)
        {
            findings.Skip(image.Line, "a Kustomize image without name");
            return;
        }
        var tag = image.Scalar("newTag");
        var digest = image.Scalar("digest");
        var written = name.Value + (tag is null ? "" : ":" + tag.Value) + (digest is null ? "" : "@" + digest.Value);
        if (findings.Parse(written, name.Line) is not { } reference)
        {
            return;
        }
        var targets = new[] { newName?.Target(TargetPart.Name), tag?.Target(TargetPart.Tag), digest?.Target(TargetPart.Digest) }
            .OfType<EditTarget>().ToList();
        findings.Add(reference, written, targets, null, name.ValueSpan?.Start ?? name.Span.Start);
    }
}
