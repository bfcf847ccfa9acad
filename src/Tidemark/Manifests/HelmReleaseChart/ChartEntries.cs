using Tidemark.Manifests.Yaml;

namespace Tidemark.Manifests.HelmReleaseChart;

/// <summary>
/// A chart pinned by a <c>{name, version, repository}</c> entry — a Kustomize <c>helmCharts</c> item, a
/// <c>Chart.yaml</c> dependency: its repository URL made a reference (<see cref="ChartReferences.Of"/>), a version range
/// or no version listed as floating (never pinned), a plain version the edit target. Skips name the entry as
/// <paramref name="what"/> (<c>dependency</c>, <c>helmCharts entry</c>) and its URL field as <paramref name="repositoryKey"/>;
/// <paramref name="oci"/> says a URL without <c>oci://</c> (Argo CD's <c>ghcr.io/org/charts</c>) is an OCI repository.
/// </summary>
internal static class ChartEntries
{
    public static void Add(Findings findings, YamlScalar name, YamlScalar? version, string repository, string what, string repositoryKey, string holder, bool oci = false)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(name);
        var range = version is null ? "*" : FluxSources.IsRange(version.Value) ? version.Value : null;
        var (reference, error) = ChartReferences.Of(repository, oci, name.Value, range is null ? version!.Value : null);
        if (reference is null)
        {
            findings.Skip(name.Line, $"{what} {name.Value}: {repositoryKey} {error}");
            return;
        }
        if (range is not null)
        {
            findings.Add(reference, $"{name.Value} {range}", [], version?.ValueSpan?.Start ?? version?.Span.Start ?? name.Span.Start,
                site => site with { Artifact = ArtifactKind.HelmChart, Holder = holder, Floating = range });
            return;
        }
        if (version!.Target(TargetPart.Tag) is not { } target)
        {
            findings.Skip(version.Line, $"{what} {name.Value}: version \"{version.Value}\" is written with escapes or over several lines; it cannot be edited in place");
            return;
        }
        findings.Add(reference, $"{name.Value}:{version.Value}", [target], target.Span.Start,
            site => site with { Artifact = ArtifactKind.HelmChart, Holder = holder });
    }
}
