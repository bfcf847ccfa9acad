using System.Text.RegularExpressions;

namespace Tidemark.Manifests.Dockerfile;

/// <summary>
/// The images of a <c>Dockerfile</c>/<c>Containerfile</c> (also <c>*.Dockerfile</c>, <c>Dockerfile.*</c>): each
/// <c>FROM</c> (<c>--platform=…</c> and <c>AS name</c> passed over) and each <c>COPY --from=IMAGE</c>; <c>scratch</c>,
/// earlier stage names and stage numbers are not images. Global <c>ARG NAME=default</c> lines (before the first
/// FROM) are substituted (<see cref="ImageWord"/>): the edit then targets the ARG default when it holds the whole
/// reference, or the tag (also with fixed text around it, <c>${GO_VERSION}-alpine</c>), or the FROM line when the tag
/// is written there. The frontend image of a <c># syntax=docker/dockerfile:1.7</c> parser directive is found too.
/// </summary>
internal sealed partial class DockerfileKind : IManifestKind
{
    private const string FromFlag = "--from=";

    public string Name => "dockerfile";

    public bool Handles(string path)
    {
        var name = YamlKinds.FileName(path);
        return name is "Dockerfile" or "Containerfile"
            || name.StartsWith("Dockerfile.", StringComparison.Ordinal) || name.StartsWith("Containerfile.", StringComparison.Ordinal)
            || name.EndsWith(".Dockerfile", StringComparison.Ordinal) || name.EndsWith(".dockerfile", StringComparison.Ordinal);
    }

    public bool Screen(string content) => content.Contains("FROM", StringComparison.OrdinalIgnoreCase);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        var args = new Dictionary<string, BuildArg>(StringComparer.Ordinal);
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "scratch" };
        var seenFrom = false;
        AddSyntax(content, findings);
        foreach (var line in DockerfileLine.Split(content))
        {
            if (line.Instruction == "ARG" && !seenFrom)
            {
                AddArgs(line, args);
            }
            else if (line.Instruction == "FROM")
            {
                seenFrom = true;
                AddFrom(line, args, stages, findings);
            }
            else if (line.Instruction == "COPY")
            {
                AddCopyFrom(line, args, stages, findings);
            }
        }
        return findings.ToFindings();
    }

    // Parser directives are the leading "# key=value" lines; any other line ends them
    // (https://docs.docker.com/reference/dockerfile/#parser-directives).
    private static void AddSyntax(string content, Findings findings)
    {
        var position = content.StartsWith('\uFEFF') ? 1 : 0;
        while (Directive().Match(content, position) is { Success: true } directive)
        {
            var value = directive.Groups["value"];
            if (directive.Groups["key"].Value.Equals("syntax", StringComparison.OrdinalIgnoreCase)
                && findings.Parse(value.Value, findings.Lines.Line(value.Index)) is { } reference)
            {
                findings.Add(reference, value.Value, [new EditTarget(new TextSpan(value.Index, value.Length), TargetPart.Whole, value.Value, TextStyle.Embedded)], null);
            }
            position = directive.Index + directive.Length;
        }
    }

    private static void AddArgs(DockerfileLine line, Dictionary<string, BuildArg> args)
    {
        foreach (var (text, start) in line.Words.Skip(1))
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var value = text[(equals + 1)..];
            var quoted = value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0];
            var inner = quoted ? value[1..^1] : value;
            var span = new TextSpan(start + equals + 1 + (quoted ? 1 : 0), inner.Length);
            args[text[..equals]] = new BuildArg(text[..equals], inner, span, TextStyle.Embedded);
        }
    }

    private static void AddFrom(DockerfileLine line, Dictionary<string, BuildArg> args, HashSet<string> stages, Findings findings)
    {
        var words = line.Words.Skip(1).SkipWhile(w => w.Text.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (words.Count == 0)
        {
            return;
        }
        var (image, start) = words[0];
        var earlierStage = stages.Contains(image);
        if (words.Count >= 3 && words[1].Text.Equals("AS", StringComparison.OrdinalIgnoreCase))
        {
            stages.Add(words[2].Text);
        }
        if (!earlierStage)
        {
            AddImage(image, start, args, findings);
        }
    }

    // COPY --from=NAME takes files from a stage (by name or number) or, failing that, from an image.
    private static void AddCopyFrom(DockerfileLine line, Dictionary<string, BuildArg> args, HashSet<string> stages, Findings findings)
    {
        foreach (var (text, start) in line.Words.Skip(1).TakeWhile(w => w.Text.StartsWith("--", StringComparison.Ordinal)))
        {
            if (!text.StartsWith(FromFlag, StringComparison.Ordinal))
            {
                continue;
            }
            var source = text[FromFlag.Length..];
            if (source.Length > 0 && !stages.Contains(source) && !source.All(char.IsAsciiDigit))
            {
                AddImage(source, start + FromFlag.Length, args, findings);
            }
        }
    }

    private static void AddImage(string image, int start, Dictionary<string, BuildArg> args, Findings findings)
    {
        var line = findings.Lines.Line(start);
        if (ImageWord.Resolve(image, start, args) is not { } word)
        {
            _ = findings.Parse(image, line);
            return;
        }
        if (findings.Parse(word.Text, line) is not { } reference)
        {
            return;
        }
        findings.Add(reference, word.Text, Targets(word, reference), null, start);
    }

    /// <summary>The whole reference when one place holds it, else the tag and digest where one place holds each; may be none.</summary>
    private static List<EditTarget> Targets(ImageWord word, Images.ImageReference reference)
    {
        if (word.Target(0, word.Text.Length, TargetPart.Whole) is { } whole)
        {
            return [whole];
        }
        var targets = new List<EditTarget>();
        var at = word.Text.IndexOf('@', StringComparison.Ordinal);
        var nameEnd = at < 0 ? word.Text.Length : at;
        if (reference.Tag is { } tag && word.Target(nameEnd - tag.Length, nameEnd, TargetPart.Tag) is { } tagTarget)
        {
            targets.Add(tagTarget);
        }
        if (at >= 0 && word.Target(at + 1, word.Text.Length, TargetPart.Digest) is { } digestTarget)
        {
            targets.Add(digestTarget);
        }
        return targets;
    }

    [GeneratedRegex(@"\G#[ \t]*(?<key>[A-Za-z]+)[ \t]*=[ \t]*(?<value>[^\s]+)[ \t]*\r?(\n|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
