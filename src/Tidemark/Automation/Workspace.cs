using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests;
using Tidemark.Manifests.HelmReleaseChart;

namespace Tidemark.Automation;

/// <summary>
/// A repository's working tree as the pipeline sees it after Workspace and Discover: its root, configuration,
/// Flux objects and every reference found under the configured paths.
/// </summary>
internal sealed record Workspace(string Root, TidemarkConfig Config, FluxObjects Flux, DiscoveryResult Discovery)
{
    /// <summary>The HelmRepository objects found (their URLs and <c>secretRef</c>s, for the index requests).</summary>
    public IReadOnlyList<HelmRepositorySource> HelmRepositories { get; init; } = [];

    /// <summary>Reads the tree once: discovery and the Flux objects come from the same pass over the files.</summary>
    public static Workspace Load(string root, TidemarkConfig config, DiscoveryOptions? options = null)
    {
        var flux = FluxObjects.Empty;
        var helmRepositories = new List<HelmRepositorySource>();
        var chartRefs = new List<ChartRefSource>();
        var paths = config.Paths.Select(p => p.Trim('/').Replace('\\', '/')).Where(p => p.Length > 0 && p != ".").ToList();
        var discoveryOptions = (options ?? new DiscoveryOptions()) with
        {
            Include = paths.Count == 0 ? null : file => paths.Any(p => file == p || file.StartsWith(p + "/", StringComparison.Ordinal)),
            Observe = (file, text) =>
            {
                if (FluxObjectReader.MightContain(text))
                {
                    flux = flux.Concat(FluxObjectReader.Read(text, file));
                }
                helmRepositories.AddRange(HelmRepositorySource.Read(text, file));
                var inPaths = paths.Count == 0 || paths.Any(p => file == p || file.StartsWith(p + "/", StringComparison.Ordinal));
                chartRefs.AddRange(ChartRefSource.Read(text, file).Select(r => r with { InPaths = inPaths }));
            },
        };
        var discovery = ChartResolver.Resolve(new RepositoryWalker().Discover(root, discoveryOptions), helmRepositories, chartRefs);
        return new Workspace(root, config, flux, discovery) { HelmRepositories = helmRepositories };
    }
}
