using System.Text.RegularExpressions;

namespace Tidemark.Manifests.Dockerfile;

/// <summary>
/// The <c>FROM</c> images of a <c>Dockerfile</c>/<c>Containerfile</c> (also <c>*.Dockerfile</c>, <c>Dockerfile.*</c>):
/// <c>--platform=…</c> and <c>AS name</c> are passed over, <c>scratch</c> and earlier stage names are not images,
/// and a global <c>ARG NAME=default</c> used as <c>FROM ${NAME}</c> or <c>FROM repo:${TAG}</c> is substituted —
/// the edit then targets the ARG default.
/// </summary>
internal sealed partial class DockerfileKind : IManifestKind
{
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
        }
        return findings.ToFindings();
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

    private static void AddImage(string image, int start, Dictionary<string, BuildArg> args, Findings findings)
    {
        var line = findings.Lines.Line(start);
        if (!image.Contains('$', StringComparison.Ordinal))
        {
            if (findings.Parse(image, line) is { } reference)
            {
                findings.Add(reference, image, [new EditTarget(new TextSpan(start, image.Length), TargetPart.Whole, image, TextStyle.Embedded)], null);
            }
            return;
        }
        if (ArgUse().Match(image) is not { Success: true } use || !args.TryGetValue(use.Groups["name"].Value, out var arg))
        {
            _ = findings.Parse(image, line);
            return;
        }
        var prefix = use.Groups["prefix"].Value;
        var written = prefix + arg.Default;
        if (findings.Parse(written, line) is not { } resolved)
        {
            return;
        }
        var part = prefix.Length == 0 ? TargetPart.Whole : TargetPart.Tag;
        findings.Add(resolved, written, [new EditTarget(arg.Span, part, arg.Default, arg.Style)], null, start);
    }

    // FROM ${NAME} / $NAME (the whole reference from an ARG) or FROM repo:${TAG} (the tag from an ARG)
    [GeneratedRegex(@"^(?<prefix>[^$]+:)?\$(\{(?<name>\w+)\}|(?<name>\w+))$", RegexOptions.CultureInvariant)]
    private static partial Regex ArgUse();
}
