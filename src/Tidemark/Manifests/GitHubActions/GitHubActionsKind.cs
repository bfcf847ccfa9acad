using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.GitHubActions;

/// <summary>
/// The images of a GitHub Actions workflow (<c>.github/workflows/*.yml|yaml</c>): <c>jobs.*.container</c> (a
/// string, or a map's <c>image</c>), <c>jobs.*.services.*.image</c>, and <c>steps[].uses: docker://IMAGE:TAG</c>,
/// where only the text after <c>docker://</c> is the reference and its edit target, so the prefix stays. In an
/// action's metadata (<c>action.yml|yaml</c>): <c>runs.image: docker://…</c> and a composite action's
/// <c>runs.steps[].uses: docker://…</c>.
/// Syntax: https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions and
/// https://docs.github.com/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions
/// </summary>
internal sealed class GitHubActionsKind : IManifestKind
{
    private const string DockerScheme = "docker://";

    public string Name => "github-actions";

    // GitHub reads workflows only directly under .github/workflows, not in sub-folders.
    public bool Handles(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = path[..(path.LastIndexOf('/') + 1)];
        return YamlKinds.FileName(path) is "action.yml" or "action.yaml"
            || YamlKinds.IsYaml(path) && (folder == ".github/workflows/" || folder.EndsWith("/.github/workflows/", StringComparison.Ordinal));
    }

    public bool Screen(string content) =>
        content.Contains("container", StringComparison.Ordinal) || content.Contains("image", StringComparison.Ordinal)
        || content.Contains(DockerScheme, StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        foreach (var document in file.Documents)
        {
            if (document.Root is not YamlMapping root)
            {
                continue;
            }
            if (root.Get("jobs") is YamlMapping jobs)
            {
                foreach (var job in jobs.Entries.Select(e => e.Value).OfType<YamlMapping>())
                {
                    AddJob(job, findings);
                }
            }
            if (root.Get("runs") is YamlMapping runs)
            {
                AddRuns(runs, findings);
            }
        }
        return findings.ToFindings();
    }

    private static void AddJob(YamlMapping job, Findings findings)
    {
        switch (job.Get("container"))
        {
            case YamlScalar image:
                AddImage(image, findings);
                break;
            case YamlMapping container when container.Scalar("image") is { } image:
                AddImage(image, findings);
                break;
            default:
                break;
        }
        if (job.Get("services") is YamlMapping services)
        {
            foreach (var service in services.Entries.Select(e => e.Value).OfType<YamlMapping>())
            {
                if (service.Scalar("image") is { } image)
                {
                    AddImage(image, findings);
                }
            }
        }
        AddDockerSteps(job.Get("steps"), findings);
    }

    private static void AddImage(YamlScalar image, Findings findings)
    {
        if (image.Value.Contains("${{", StringComparison.Ordinal))
        {
            findings.Skip(image.Line, $"\"{image.Value}\" is a GitHub Actions expression; the image is only known when the workflow runs");
            return;
        }
        findings.AddWhole(image);
    }

    // A Docker container action names its image as runs.image (docker://… or a Dockerfile path); a composite action has steps.
    private static void AddRuns(YamlMapping runs, Findings findings)
    {
        if (runs.Scalar("image") is { } image)
        {
            AddDockerUses(image, findings);
        }
        AddDockerSteps(runs.Get("steps"), findings);
    }

    /// <summary>The <c>uses: docker://…</c> of each step of a job or a composite action.</summary>
    private static void AddDockerSteps(YamlNode? steps, Findings findings)
    {
        if (steps is not YamlSequence sequence)
        {
            return;
        }
        foreach (var step in sequence.Items.OfType<YamlMapping>())
        {
            if (step.Scalar("uses") is { } uses)
            {
                AddDockerUses(uses, findings);
            }
        }
    }

    private static void AddDockerUses(YamlScalar uses, Findings findings)
    {
        if (!uses.Value.StartsWith(DockerScheme, StringComparison.Ordinal))
        {
            return;
        }
        var text = uses.Value[DockerScheme.Length..];
        if (findings.Parse(text, uses.Line) is not { } image)
        {
            return;
        }
        if (uses.ValueSpan is not { } span)
        {
            findings.Skip(uses.Line, $"\"{uses.Value}\" is written with escapes or over several lines; it cannot be edited in place");
            return;
        }
        var target = new EditTarget(new TextSpan(span.Start + DockerScheme.Length, text.Length), TargetPart.Whole, text, TextStyle.Embedded);
        findings.Add(image, text, [target], null);
    }
}
