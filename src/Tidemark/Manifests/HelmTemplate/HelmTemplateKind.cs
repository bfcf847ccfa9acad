using System.Text.RegularExpressions;

namespace Tidemark.Manifests.HelmTemplate;

/// <summary>
/// Literal image lines of a Helm chart template (a YAML file under <c>templates/</c> that has <c>{{ … }}</c>), e.g.
/// <c>image: busybox:1.38.0</c> or <c>- image: "busybox:1.38.0" # comment</c>. Such a file is not valid YAML before
/// rendering, so it is read line by line: a line with a template action is not read (the YAML kinds say so once per
/// file), an <c>image</c>/<c>imageName</c> line whose value parses with a tag or digest is a reference.
/// </summary>
internal sealed partial class HelmTemplateKind : IManifestKind
{
    public string Name => "helm-template";

    public bool Handles(string path) => YamlKinds.IsYaml(path) && YamlKinds.IsUnderTemplates(path);

    public bool Screen(string content) =>
        content.Contains("{{", StringComparison.Ordinal) && content.Contains("image", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (!content.Contains("{{", StringComparison.Ordinal) || !Handles(path))
        {
            // Without template actions the file is plain YAML, read by the YAML kinds.
            return findings.ToFindings();
        }
        findings.Skip(1, YamlKinds.TemplateSkipped);
        var start = 0;
        while (start < content.Length)
        {
            var end = content.IndexOf('\n', start);
            end = end < 0 ? content.Length : end;
            var line = content.AsSpan(start, end - start);
            if (!line.Contains("{{", StringComparison.Ordinal) && line.Contains("image", StringComparison.Ordinal))
            {
                AddLine(content, start, end - start, findings);
            }
            start = end + 1;
        }
        return findings.ToFindings();
    }

    private static void AddLine(string content, int start, int length, Findings findings)
    {
        var match = ImageLine().Match(content, start, length);
        if (!match.Success || Findings.Tagged(match.Groups["ref"].Value) is not { } image)
        {
            return;
        }
        var reference = match.Groups["ref"];
        var style = match.Groups["quote"].Value switch
        {
            "\"" => TextStyle.DoubleQuoted,
            "'" => TextStyle.SingleQuoted,
            _ => TextStyle.Plain,
        };
        findings.Add(image, reference.Value, [new EditTarget(new TextSpan(reference.Index, reference.Length), TargetPart.Whole, reference.Value, style)], null);
    }

    // [- ]image: REF | "REF" | 'REF' [# comment] — one whole line (a BOM or CR is allowed at its ends).
    [GeneratedRegex(
        """\G\uFEFF?[ \t]*(?:-[ \t]+)?(?:image|imageName)[ \t]*:[ \t]+(?<quote>["']?)(?<ref>[^\s"'#{}]+)\k<quote>[ \t]*(?:#[^\n]*)?\r?$""",
        RegexOptions.CultureInvariant)]
    private static partial Regex ImageLine();
}
