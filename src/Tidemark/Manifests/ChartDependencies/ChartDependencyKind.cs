using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.ChartDependencies;

/// <summary>
/// The <c>dependencies:</c> of a Helm chart's <c>Chart.yaml</c> (or a v1 chart's <c>requirements.yaml</c>):
/// <c>- {name: redis, version: 18.6.1, repository: https://charts.bitnami.com/bitnami}</c>, or an <c>oci://</c>
/// repository. The version is the target, looked up like a HelmRelease's chart (index or registry); a range
/// (<c>~18.6</c>) floats, since <c>helm dependency update</c> resolves it. A <c>file://</c> chart, a repository alias of
/// <c>helm repo add</c> (<c>@bitnami</c>, <c>alias:bitnami</c>) and an entry without a repository (a chart under
/// <c>charts/</c>) have no version to look up and are skipped with the reason. Editing a version leaves
/// <c>Chart.lock</c> stale: the pull request says to regenerate it (<see cref="Automation.ChangeText"/>).
/// </summary>
internal sealed class ChartDependencyKind : IManifestKind
{
    public string Name => "chart-dependency";

    public bool Handles(string path) => IsChartFile(path);

    public bool Screen(string content) => content.Contains("dependencies", StringComparison.Ordinal);

    /// <summary>Whether a file is one this kind reads, so its edits may leave a lock file behind.</summary>
    public static bool IsChartFile(string path) => YamlKinds.FileName(path) is "Chart.yaml" or "Chart.yml" or "requirements.yaml" or "requirements.yml";

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        foreach (var document in file.Documents)
        {
            if (document.Root is YamlMapping root && root.Get("dependencies") is YamlSequence dependencies)
            {
                var holder = root.Text("name") is { Length: > 0 } chart ? $"dependency of chart {chart}" : $"dependency in {findings.Path}";
                foreach (var entry in dependencies.Items.OfType<YamlMapping>())
                {
                    Add(entry, holder, findings);
                }
            }
        }
        return findings.ToFindings();
    }

    private static void Add(YamlMapping entry, string holder, Findings findings)
    {
        if (entry.Scalar("name") is not { Value.Length: > 0 } name)
        {
            findings.Skip(entry.Line, "a dependencies entry without name");
            return;
        }
        var repository = entry.Text("repository") ?? "";
        if (repository.Length == 0)
        {
            findings.Skip(name.Line, $"dependency {name.Value} has no repository: a chart under charts/, with no version to look up");
            return;
        }
        if (repository.StartsWith("file://", StringComparison.Ordinal))
        {
            findings.Skip(name.Line, $"dependency {name.Value} is a local chart ({repository}), with no version to look up");
            return;
        }
        if (repository.StartsWith('@') || repository.StartsWith("alias:", StringComparison.Ordinal))
        {
            findings.Skip(name.Line, $"dependency {name.Value}: repository \"{repository}\" is an alias of `helm repo add`, which only that machine knows; write the repository's URL (https://… or oci://…) to have it looked up");
            return;
        }
        ChartEntries.Add(findings, name, entry.Scalar("version"), repository, "dependency", "repository", holder);
    }
}
