using Tidemark.Images;

namespace Tidemark.Manifests.HelmReleaseChart;

/// <summary>
/// The reference of chart <c>podinfo</c> at <c>6.5.0</c> in a chart repository: under <c>oci://ghcr.io/org/charts</c> it is
/// the OCI reference <c>ghcr.io/org/charts/podinfo:6.5.0</c> (registry lookup); under an HTTP(S) URL it is registry
/// <c>https://charts.example</c> (the URL without its trailing slash), repository <c>podinfo</c> (index lookup).
/// </summary>
internal static class ChartReferences
{
    /// <summary>The reference, or the reason there is none (a URL that is neither <c>oci://</c> nor HTTP(S), an invalid OCI name).</summary>
    public static (ImageReference? Reference, string? Error) Of(string repositoryUrl, bool oci, string chart, string? version)
    {
        ArgumentNullException.ThrowIfNull(repositoryUrl);
        if (oci || repositoryUrl.StartsWith("oci://", StringComparison.Ordinal))
        {
            var host = repositoryUrl.StartsWith("oci://", StringComparison.Ordinal) ? repositoryUrl["oci://".Length..] : repositoryUrl;
            var text = $"{host.TrimEnd('/')}/{chart}" + (version is null ? "" : ":" + version);
            return ImageReference.Parse(text) is ReferenceParseResult.Parsed parsed
                ? (parsed.Reference, null)
                : (null, $"gives \"{text}\", which is not a valid OCI reference");
        }
        if (!Uri.TryCreate(repositoryUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, $"\"{repositoryUrl}\" is neither http(s):// nor oci://");
        }
        return (new ImageReference(repositoryUrl.TrimEnd('/'), chart, version, null, chart), null);
    }
}
