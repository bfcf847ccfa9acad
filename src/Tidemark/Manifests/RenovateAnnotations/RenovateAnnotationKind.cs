using System.Text.RegularExpressions;
using Tidemark.Images;

namespace Tidemark.Manifests.RenovateAnnotations;

/// <summary>
/// Values annotated for Renovate's regex custom managers, the convention home-ops repositories use for versions no
/// built-in manager reads: a comment line <c># renovate: datasource=docker depName=ghcr.io/org/app</c> directly above
/// a line <c>KEY: "1.2.3"</c>, <c>KEY=1.2.3</c> or <c>version: v1.2.3</c> whose value is the image's tag. Read line by
/// line (no YAML parse), so it works in YAML, <c>.env</c>, shell scripts and Dockerfiles alike. Only
/// <c>datasource=docker</c> names an image; other datasources are listed as skipped with the reason.
/// </summary>
internal sealed partial class RenovateAnnotationKind : IManifestKind
{
    private const string Marker = "renovate:";

    private static readonly Dockerfile.DockerfileKind Dockerfiles = new();

    public string Name => "renovate-annotation";

    public bool Handles(string path)
    {
        var name = YamlKinds.FileName(path);
        return YamlKinds.IsYaml(path)
            || name == ".env" || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".sh", StringComparison.OrdinalIgnoreCase)
            || Dockerfiles.Handles(path);
    }

    public bool Screen(string content) => content.Contains(Marker, StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        var findings = new Findings(path, Name, LineMap.Of(content));
        var start = 0;
        while (start < content.Length)
        {
            var end = LineEnd(content, start);
            if (content.AsSpan(start, end - start).Contains(Marker, StringComparison.Ordinal)
                && AnnotationLine().Match(content, start, end - start) is { Success: true } annotation)
            {
                var next = Math.Min(end + 1, content.Length);
                Read(annotation.Groups["params"].Value, findings.Lines.Line(start), content, next, LineEnd(content, next), path, findings);
            }
            start = end + 1;
        }
        return findings.ToFindings();
    }

    private static int LineEnd(string content, int start)
    {
        var end = content.IndexOf('\n', start);
        return end < 0 ? content.Length : end;
    }

    private static void Read(string parameters, int line, string content, int start, int end, string path, Findings findings)
    {
        var (values, error) = AnnotationParameters.Parse(parameters);
        if (error is not null)
        {
            findings.Skip(line, error);
            return;
        }
        if (!values.TryGetValue("datasource", out var datasource) || !values.TryGetValue("depName", out var depName))
        {
            findings.Skip(line, "a renovate: annotation needs datasource= and depName= (as Renovate's regex managers do)");
            return;
        }
        if (datasource != "docker")
        {
            findings.Skip(line, $"datasource={datasource} is not a container image; Tidemark updates only datasource=docker annotations");
            return;
        }
        var valueLine = start < content.Length ? ValueLine().Match(content, start, end - start) : Match.Empty;
        if (!valueLine.Success)
        {
            findings.Skip(line, "no KEY: VALUE or KEY=VALUE line directly below the renovate: annotation");
            return;
        }
        var value = valueLine.Groups["value"];
        var name = Repository(values.GetValueOrDefault("packageName") ?? depName, values.GetValueOrDefault("registryUrl"));
        var (tag, digest) = SplitDigest(value.Value);
        if (tag.Contains(':', StringComparison.Ordinal) || tag.Contains('/', StringComparison.Ordinal))
        {
            // The value is a whole reference (IMAGE=ghcr.io/org/app:1.2.3): it is edited as one, like image: lines.
            if (findings.Parse(value.Value, line + 1) is { } reference)
            {
                findings.Add(reference, value.Value, [Target(value, TargetPart.Whole, valueLine, path)], null);
            }
            return;
        }
        if (findings.Parse($"{name}:{value.Value}", line + 1) is not { } image)
        {
            return;
        }
        List<EditTarget> targets = [Target(value, TargetPart.Tag, valueLine, path, tag.Length)];
        if (digest is not null)
        {
            targets.Add(new EditTarget(new TextSpan(value.Index + tag.Length + 1, digest.Length), TargetPart.Digest, digest, TextStyle.Embedded));
        }
        findings.Add(image, value.Value, targets, null);
    }

    private static (string Tag, string? Digest) SplitDigest(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (value, null) : (value[..at], value[(at + 1)..]);
    }

    private static EditTarget Target(Group value, TargetPart part, Match line, string path, int? length = null)
    {
        var span = new TextSpan(value.Index, length ?? value.Length);
        var style = !YamlKinds.IsYaml(path) || line.Groups["equals"].Success || length is not null && length != value.Length
            ? TextStyle.Embedded
            : line.Groups["quote"].Value switch
            {
                "\"" => TextStyle.DoubleQuoted,
                "'" => TextStyle.SingleQuoted,
                _ => TextStyle.Plain,
            };
        return new EditTarget(span, part, value.Value[..span.Length], style);
    }

    /// <summary>
    /// The image a <c>depName</c> (or <c>packageName</c>) names, with the host of a <c>registryUrl=</c> put in front
    /// when the name has none: <c>registryUrl=https://ghcr.io depName=org/app</c> → <c>ghcr.io/org/app</c>.
    /// </summary>
    internal static string Repository(string name, string? registryUrl)
    {
        if (string.IsNullOrEmpty(registryUrl))
        {
            return name;
        }
        var host = registryUrl;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        host = (scheme < 0 ? host : host[(scheme + 3)..]).TrimEnd('/');
        return ReferenceParser.HasDomain(name) || host.Length == 0 ? name : $"{host}/{name}";
    }

    // # renovate: PARAMS — the whole line is the comment (a trailing comment on a value line is not an annotation).
    [GeneratedRegex("""\G\uFEFF?[ \t]*#[ \t]*renovate:[ \t]*(?<params>[^\r\n]*?)[ \t]*\r?$""", RegexOptions.CultureInvariant)]
    private static partial Regex AnnotationLine();

    // [- ][export |ENV |ARG ]KEY: [&anchor ]VALUE | KEY=VALUE, VALUE plain or quoted, then an optional # comment.
    [GeneratedRegex(
        """\G\uFEFF?[ \t]*(?:-[ \t]+)?(?:(?:export|ENV|ARG)[ \t]+)?[A-Za-z_][A-Za-z0-9_.-]*(?:[ \t]*:[ \t]+|(?<equals>=))(?:&[^\s]+[ \t]+)?(?<quote>["']?)(?<value>[^\s"'#]+)\k<quote>(?:[ \t]+#[^\n]*)?[ \t]*\r?$""",
        RegexOptions.CultureInvariant)]
    private static partial Regex ValueLine();
}
