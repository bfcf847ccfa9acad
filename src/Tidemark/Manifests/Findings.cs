using Tidemark.Images;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests;

/// <summary>Collects what a kind finds in one file; <see cref="ToFindings"/> orders sites by position.</summary>
internal sealed class Findings(string path, string kind, LineMap lines)
{
    private readonly List<ReferenceSite> _sites = [];
    private readonly List<Skipped> _skipped = [];

    public string Path => path;

    public LineMap Lines => lines;

    public void Skip(int line, string reason) => _skipped.Add(new Skipped(path, line, reason));

    /// <summary>Adds a site located at its first target (or <paramref name="at"/>).</summary>
    public void Add(ImageReference? image, string written, IReadOnlyList<EditTarget> targets, SetterMarker? marker, int? at = null)
    {
        var offset = at ?? targets.Min(t => t.Span.Start);
        _sites.Add(new ReferenceSite(path, lines.Line(offset), lines.Column(offset), kind, image, written, targets, marker));
    }

    /// <summary>Adds a site shaped by <paramref name="shape"/> (a chart's artifact kind, holder, floating range), located at <paramref name="at"/>.</summary>
    public void Add(ImageReference? image, string written, IReadOnlyList<EditTarget> targets, int at, Func<ReferenceSite, ReferenceSite> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        _sites.Add(shape(new ReferenceSite(path, lines.Line(at), lines.Column(at), kind, image, written, targets, null)));
    }

    /// <summary>
    /// Parses a whole-reference scalar (e.g. <c>image: nginx:1.25.3</c>) into a site, or records why not:
    /// template values are skipped with the parser's reason, invalid references with the parser's message.
    /// </summary>
    public void AddWhole(YamlScalar scalar, SetterMarker? marker = null)
    {
        if (Parse(scalar.Value, scalar.Line) is not { } image)
        {
            return;
        }
        if (scalar.Target(TargetPart.Whole) is not { } target)
        {
            Skip(scalar.Line, $"\"{scalar.Value}\" is written with escapes or over several lines; it cannot be edited in place");
            return;
        }
        Add(image, scalar.Value, [target], marker);
    }

    /// <summary>
    /// Adds a whole-reference scalar only when it parses with a tag or a digest, passing anything else over
    /// silently: for keys that hold an image only by convention (an <c>image:</c> in a custom resource or a
    /// ConfigMap), where <c>image: true</c> or <c>image: latest-notes</c> is not a reference and not worth a warning.
    /// </summary>
    public void AddTagged(YamlScalar scalar)
    {
        if (Tagged(scalar.Value) is not { } image)
        {
            return;
        }
        if (scalar.Target(TargetPart.Whole) is not { } target)
        {
            Skip(scalar.Line, $"\"{scalar.Value}\" is written with escapes or over several lines; it cannot be edited in place");
            return;
        }
        Add(image, scalar.Value, [target], null);
    }

    /// <summary>The reference <paramref name="text"/> names when it parses with a tag or a digest, else null (nothing recorded).</summary>
    public static ImageReference? Tagged(string text) =>
        ImageReference.Parse(text) is ReferenceParseResult.Parsed { Reference: var image } && (image.Tag is not null || image.Digest is not null)
            ? image
            : null;

    /// <summary>The parsed reference, or null after recording why it was skipped.</summary>
    public ImageReference? Parse(string text, int line)
    {
        switch (ImageReference.Parse(text))
        {
            case ReferenceParseResult.Parsed parsed:
                return parsed.Reference;
            case ReferenceParseResult.Unresolvable unresolvable:
                Skip(line, $"\"{text}\" {unresolvable.Reason}");
                return null;
            case ReferenceParseResult.Invalid invalid:
                Skip(line, invalid.ToString());
                return null;
            default:
                return null;
        }
    }

    public KindFindings ToFindings() => new(
        [.. _sites.OrderBy(s => s.Line).ThenBy(s => s.Column)],
        [.. _skipped.OrderBy(s => s.Line).ThenBy(s => s.Reason, StringComparer.Ordinal)]);
}
