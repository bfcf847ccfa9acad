using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tidemark.Testing.Helm;

namespace Tidemark.Testing.Registry;

/// <summary>A non-image OCI artifact: one config blob and one layer, with their media types and the manifest's annotations.</summary>
public sealed record OciArtifact(string ConfigMediaType, byte[] Config, string LayerMediaType, byte[] Layer, IReadOnlyDictionary<string, string> Annotations)
{
    public const string HelmConfigType = "application/vnd.cncf.helm.config.v1+json";
    public const string HelmContentType = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    public const string FluxConfigType = "application/vnd.cncf.flux.config.v1+json";
    public const string FluxContentType = "application/vnd.cncf.flux.content.v1.tar+gzip";

    /// <summary>A Helm chart as <c>helm push</c> uploads it: the chart's metadata as the config, the archive as the layer.</summary>
    public static OciArtifact HelmChart(string chart, string version) => new(
        HelmConfigType,
        JsonSerializer.SerializeToUtf8Bytes(new { apiVersion = "v2", name = chart, version, type = "application" }),
        HelmContentType,
        HelmChartArchive.Build(chart, version),
        new Dictionary<string, string> { ["org.opencontainers.image.title"] = chart, ["org.opencontainers.image.version"] = version });

    /// <summary>A Flux artifact as <c>flux push artifact</c> uploads it: an empty config, a tarball of manifests as the layer.</summary>
    public static OciArtifact Flux(string tag) => new(
        FluxConfigType,
        "{}"u8.ToArray(),
        FluxContentType,
        Manifests(tag),
        new Dictionary<string, string> { ["org.opencontainers.image.source"] = "https://example.invalid/app", ["org.opencontainers.image.revision"] = $"{tag}@sha1:0000000000000000000000000000000000000000" });

    private static byte[] Manifests(string tag)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var text = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  version: \"{tag}\"\n";
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "configmap.yaml") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }
        return buffer.ToArray();
    }
}
