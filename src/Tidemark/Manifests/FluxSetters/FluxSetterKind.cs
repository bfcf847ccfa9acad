using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.FluxSetters;

/// <summary>
/// Scalars annotated with a Flux setter marker, e.g. <c>image: ghcr.io/org/app:1.2.3 # {"$imagepolicy": "flux-system:app"}</c>
/// or <c>tag: 1.2.3 # {"$imagepolicy": "flux-system:app:tag"}</c>, in any YAML file. Marker-looking comments that
/// Flux would ignore silently (extra text, single quotes, no namespace, a top-level sequence document, not on a
/// scalar's line) are reported as skipped with the reason.
/// </summary>
internal sealed class FluxSetterKind : IManifestKind
{
    public string Name => "flux-setter";

    public bool Handles(string path) => YamlKinds.IsYaml(path);

    public bool Screen(string content) => content.Contains(MarkerParser.Key, StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        foreach (var document in file.Documents)
        {
            YamlKinds.ForEachScalar(document.Root, position =>
            {
                if (position.Scalar.LineComment is { } comment && comment.Text.Contains(MarkerParser.Key, StringComparison.Ordinal))
                {
                    AddMarked(position, comment, document.Root is YamlSequence, findings);
                }
            });
            foreach (var comment in document.OtherComments.Where(c => c.Text.Contains(MarkerParser.Key, StringComparison.Ordinal)))
            {
                findings.Skip(comment.Line, "the marker is not on a scalar's line; Flux reads only a value's line comment");
            }
        }
        return findings.ToFindings();
    }

    private static void AddMarked(ScalarPosition position, YamlComment comment, bool sequenceRoot, Findings findings)
    {
        var (marker, error) = MarkerParser.Parse(comment.Text, comment.Line);
        if (marker is null)
        {
            findings.Skip(comment.Line, error!);
            return;
        }
        if (sequenceRoot)
        {
            findings.Skip(comment.Line, "the marker is in a document whose root is a sequence; Flux does not read these (IAC#624)");
            return;
        }
        if (position.IsKey)
        {
            findings.Skip(comment.Line, "the marker is on a mapping key, not a value");
            return;
        }
        if (marker.Form == MarkerForm.Full)
        {
            findings.AddWhole(position.Scalar, marker);
            return;
        }
        AddPart(position, marker, findings);
    }

    private static void AddPart(ScalarPosition position, SetterMarker marker, Findings findings)
    {
        var scalar = position.Scalar;
        var part = marker.Form switch
        {
            MarkerForm.Tag => TargetPart.Tag,
            MarkerForm.Name => TargetPart.Name,
            _ => TargetPart.Digest,
        };
        if (scalar.Value.Contains('$', StringComparison.Ordinal) || scalar.Value.Contains("{{", StringComparison.Ordinal))
        {
            _ = findings.Parse(scalar.Value, scalar.Line);
            return;
        }
        if (scalar.Target(part) is not { } target)
        {
            findings.Skip(scalar.Line, $"\"{scalar.Value}\" is written with escapes, over several lines or empty; it cannot be edited in place");
            return;
        }
        var composed = SiblingReference.Compose(position.Parent, scalar, part);
        var image = composed is null ? null : ReferenceOrNull(composed);
        findings.Add(image, composed ?? scalar.Value, [target], marker);
    }

    private static Images.ImageReference? ReferenceOrNull(string text) =>
        Images.ImageReference.Parse(text) is Images.ReferenceParseResult.Parsed parsed ? parsed.Reference : null;
}
