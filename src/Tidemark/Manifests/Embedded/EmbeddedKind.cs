using System.Text.RegularExpressions;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.Embedded;

/// <summary>
/// A registry-qualified reference with a tag inside a larger scalar, after <c>=</c> or as a whole word, e.g.
/// <c>--acme-http01-solver-image=quay.io/jetstack/cert-manager-acmesolver:v1.16.2</c> in <c>args</c>: only the
/// reference's own characters are the edit target. Whole-scalar references are left to the other kinds.
/// </summary>
internal sealed partial class EmbeddedKind : IManifestKind
{
    public string Name => "embedded";

    public bool Handles(string path) => YamlKinds.IsYaml(path);

    public bool Screen(string content) => content.Contains('/', StringComparison.Ordinal) && content.Contains('.', StringComparison.Ordinal);

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
                if (!position.IsKey && MayEmbed(position.Scalar.Value))
                {
                    AddEmbedded(content, position.Scalar, findings);
                }
            });
        }
        return findings.ToFindings();
    }

    /// <summary>A cheap test before the regex: a reference with a tag inside a larger text needs '/', ':' and a separator.</summary>
    private static bool MayEmbed(string value) =>
        value.Contains('/', StringComparison.Ordinal) && value.Contains(':', StringComparison.Ordinal)
        && value.AsSpan().IndexOfAny("= \t\n,\"'") >= 0;

    private static void AddEmbedded(string content, YamlScalar scalar, Findings findings)
    {
        foreach (Match match in Reference().Matches(scalar.Value))
        {
            if (match.Length == scalar.Value.Length)
            {
                continue;
            }
            var text = match.Value;
            if (Locate(content, scalar, match) is not { } start)
            {
                findings.Skip(scalar.Line, $"\"{text}\" appears inside a scalar in a way that cannot be located exactly; not edited");
                continue;
            }
            if (findings.Parse(text, findings.Lines.Line(start)) is { } reference)
            {
                findings.Add(reference, text, [new EditTarget(new TextSpan(start, text.Length), TargetPart.Whole, text, TextStyle.Embedded)], null);
            }
        }
    }

    /// <summary>The offset of the match in the file: direct when the value is written verbatim, else by a unique search of the raw text.</summary>
    private static int? Locate(string content, YamlScalar scalar, Match match)
    {
        if (scalar.ValueSpan is { } span)
        {
            return span.Start + match.Index;
        }
        var raw = content.AsSpan(scalar.Span.Start, scalar.Span.Length);
        var first = raw.IndexOf(match.Value, StringComparison.Ordinal);
        var unique = first >= 0 && raw[(first + 1)..].IndexOf(match.Value, StringComparison.Ordinal) < 0
            && scalar.Value.IndexOf(match.Value, match.Index + 1, StringComparison.Ordinal) < 0
            && scalar.Value.IndexOf(match.Value, StringComparison.Ordinal) == match.Index;
        return unique ? scalar.Span.Start + first : null;
    }

    // host with a dot (or localhost) [:port] / path : tag [@digest], after start, white space, '=', a quote or a comma
    [GeneratedRegex(
        @"(?<=^|[\s=""',])((?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]+|localhost)(?::[0-9]+)?/[a-z0-9]+(?:(?:[._]|__|-+|/)[a-z0-9]+)*:[\w][\w.-]{0,127}(?:@sha256:[a-f0-9]{64})?(?=$|[\s""',;])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
