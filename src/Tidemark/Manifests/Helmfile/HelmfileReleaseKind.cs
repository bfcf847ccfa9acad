using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.Helmfile;

/// <summary>
/// The releases of a helmfile (<c>helmfile.yaml</c>, or <c>helmfile.yaml.gotmpl</c> when it reads as YAML; several
/// documents allowed): <c>releases: [{name, chart, version}]</c> with <c>chart: REPO/NAME</c> resolved through
/// <c>repositories: [{name, url, oci?: true}]</c> (an <c>oci: true</c> url is a registry path, <c>ghcr.io/org/charts</c>),
/// or <c>chart: oci://ghcr.io/org/charts/NAME</c> directly. The version is the target; a range or no version floats
/// (helmfile resolves it: reported, never pinned). A local chart (<c>./charts/app</c>), a prefix that is not among
/// <c>repositories</c> and a template (<c>{{ … }}</c>) have no version to look up and are skipped with the reason.
/// See https://helmfile.readthedocs.io/en/latest/#configuration.
/// </summary>
internal sealed class HelmfileReleaseKind : IManifestKind
{
    public string Name => "helmfile-release";

    public bool Handles(string path) => YamlKinds.FileName(path) is "helmfile.yaml" or "helmfile.yml" or "helmfile.yaml.gotmpl" or "helmfile.yml.gotmpl";

    public bool Screen(string content) => content.Contains("releases", StringComparison.Ordinal);

    public KindFindings Find(string content, string path)
    {
        var findings = new Findings(path, Name, LineMap.Of(content));
        if (path.EndsWith(".gotmpl", StringComparison.Ordinal) && YamlReader.Read(content) is { IsValid: false } template)
        {
            findings.Skip(template.ErrorLine, "a helmfile template (.gotmpl) that is not valid YAML until helmfile renders it; not read");
            return findings.ToFindings();
        }
        if (YamlKinds.Read(content, findings) is not { } file)
        {
            return findings.ToFindings();
        }
        var roots = file.Documents.Select(d => d.Root).OfType<YamlMapping>().ToList();
        var repositories = Repositories(roots);
        foreach (var root in roots)
        {
            if (root.Get("releases") is YamlSequence releases)
            {
                foreach (var release in releases.Items.OfType<YamlMapping>())
                {
                    Add(release, repositories, findings);
                }
            }
        }
        return findings.ToFindings();
    }

    /// <summary>The <c>repositories:</c> of every document by name: the URL, and whether it is an OCI registry.</summary>
    private static Dictionary<string, (string Url, bool Oci)> Repositories(List<YamlMapping> roots)
    {
        var repositories = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        foreach (var entry in roots.Select(r => r.Get("repositories")).OfType<YamlSequence>().SelectMany(s => s.Items.OfType<YamlMapping>()))
        {
            if (entry.Text("name") is { Length: > 0 } name && entry.Text("url") is { Length: > 0 } url)
            {
                repositories.TryAdd(name, (url, entry.Text("oci") == "true"));
            }
        }
        return repositories;
    }

    private static void Add(YamlMapping release, Dictionary<string, (string Url, bool Oci)> repositories, Findings findings)
    {
        var holder = Holder(release);
        if (YamlKinds.TemplatedKey(release, "chart", "version") is { } key)
        {
            findings.Skip(release.Get(key)!.Line, $"{holder}: {key} is a template ({{{{ … }}}}), only known once helmfile renders it; not looked up");
            return;
        }
        if (release.Scalar("chart") is not { Value.Length: > 0 } chart)
        {
            findings.Skip(release.Line, $"{holder} has no chart");
            return;
        }
        if (Source(chart.Value, repositories) is not { } source)
        {
            findings.Skip(chart.Line, Unresolved(holder, chart.Value));
            return;
        }
        ChartEntries.Add(findings, chart with { Value = source.Name }, release.Scalar("version"), source.Url, $"{holder}: chart", "repository", holder, source.Oci);
    }

    /// <summary>
    /// Where <c>chart</c> comes from: <c>oci://ghcr.io/org/charts/cilium</c> is chart <c>cilium</c> in
    /// <c>oci://ghcr.io/org/charts</c>; <c>bitnami/redis</c> is chart <c>redis</c> in the repository named <c>bitnami</c>.
    /// Null for a local path or a prefix that is not among <paramref name="repositories"/>.
    /// </summary>
    private static (string Url, string Name, bool Oci)? Source(string chart, Dictionary<string, (string Url, bool Oci)> repositories)
    {
        if (chart.StartsWith("oci://", StringComparison.Ordinal))
        {
            var slash = chart.TrimEnd('/').LastIndexOf('/');
            return slash > "oci://".Length ? (chart[..slash], chart.TrimEnd('/')[(slash + 1)..], true) : null;
        }
        var at = chart.IndexOf('/', StringComparison.Ordinal);
        if (IsLocal(chart) || chart.Contains("://", StringComparison.Ordinal) || at < 0)
        {
            return null;
        }
        return repositories.TryGetValue(chart[..at], out var repository) ? (repository.Url, chart[(at + 1)..], repository.Oci) : null;
    }

    private static string Unresolved(string holder, string chart)
    {
        if (IsLocal(chart) || !chart.Contains('/', StringComparison.Ordinal))
        {
            return $"{holder}: chart {chart} is a local chart, with no version to look up";
        }
        if (chart.Contains("://", StringComparison.Ordinal))
        {
            return $"{holder}: chart {chart} is neither REPOSITORY/NAME nor oci://…, not looked up";
        }
        var prefix = chart[..chart.IndexOf('/', StringComparison.Ordinal)];
        return $"{holder}: chart {chart}: \"{prefix}\" is not among the helmfile's repositories (a local folder, or a repository defined elsewhere); add it to repositories: with its url to have it looked up";
    }

    private static bool IsLocal(string chart) => chart.StartsWith('.') || chart.StartsWith('/');

    /// <summary>"helmfile release kube-system/cilium", or without the namespace when none is written.</summary>
    private static string Holder(YamlMapping release)
    {
        var name = release.Text("name") ?? "(unnamed)";
        return release.Text("namespace") is { Length: > 0 } ns ? $"helmfile release {ns}/{name}" : $"helmfile release {name}";
    }
}
