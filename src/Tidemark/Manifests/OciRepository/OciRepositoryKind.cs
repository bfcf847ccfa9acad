using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.OciRepository;

/// <summary>
/// A Flux <c>OCIRepository</c> (<c>source.toolkit.fluxcd.io</c> v1beta2/v1): <c>spec.url: oci://ghcr.io/org/manifests</c>
/// with <c>spec.ref.tag</c> (updated by policy, and <c>spec.ref.digest</c> beside it with the new tag's digest) or
/// <c>spec.ref.semver</c> (a range Flux resolves: reported as floating, never pinned). The reference is the URL's
/// host and path with the tag; the targets are the <c>tag</c> and <c>digest</c> scalars, never the URL.
/// </summary>
internal sealed class OciRepositoryKind : IManifestKind
{
    public string Name => "ocirepository";

    public bool Handles(string path) => YamlKinds.IsYaml(path);

    public bool Screen(string content) => content.Contains("OCIRepository", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is { } file)
        {
            foreach (var document in file.Documents)
            {
                if (document.Root is YamlMapping root && FluxSources.Is(root, FluxSources.SourceGroup, "OCIRepository")
                    && root.Get("spec") is YamlMapping spec)
                {
                    Add(root, spec, findings);
                }
            }
        }
        return findings.ToFindings();
    }

    private static void Add(YamlMapping root, YamlMapping spec, Findings findings)
    {
        var holder = FluxSources.Holder("OCIRepository", root);
        if (spec.Scalar("url") is not { } url)
        {
            findings.Skip(spec.Line, $"{holder} has no spec.url");
            return;
        }
        if (!url.Value.StartsWith("oci://", StringComparison.Ordinal))
        {
            findings.Skip(url.Line, $"{holder}: spec.url \"{url.Value}\" is not an oci:// URL");
            return;
        }
        var name = url.Value["oci://".Length..].TrimEnd('/');
        var reference = spec.Get("ref") as YamlMapping;
        var (tag, semver, digest) = (reference?.Scalar("tag"), reference?.Scalar("semver"), reference?.Scalar("digest"));
        if (semver is not null)
        {
            if (findings.Parse(name, url.Line) is { } floating)
            {
                findings.Add(floating, $"{url.Value} {semver.Value}", [], semver.ValueSpan?.Start ?? semver.Span.Start,
                    site => site with { Artifact = ArtifactKind.OciArtifact, Holder = holder, Floating = semver.Value, FluxObject = FluxObjectId.Of(root) });
            }
            return;
        }
        if (tag is null && digest is null)
        {
            findings.Skip(url.Line, $"{holder} has no spec.ref.tag, semver or digest: Flux pulls the tag latest, which has no version to compare");
            return;
        }
        var written = name + (tag is null ? "" : ":" + tag.Value) + (digest is null ? "" : "@" + digest.Value);
        if (findings.Parse(written, (tag ?? digest)!.Line) is not { } image)
        {
            return;
        }
        var targets = new[] { tag?.Target(TargetPart.Tag), digest?.Target(TargetPart.Digest) }.OfType<EditTarget>().ToList();
        if (targets.Count == 0)
        {
            findings.Skip((tag ?? digest)!.Line, $"{holder}: spec.ref is written with escapes or over several lines; it cannot be edited in place");
            return;
        }
        var id = FluxObjectId.Of(root);
        findings.Add(image, "oci://" + written, targets, targets.Min(t => t.Span.Start),
            site => site with { Artifact = ArtifactKind.OciArtifact, Holder = holder, FluxObject = id });
    }
}
