using Tidemark.Images;

namespace Tidemark.Manifests.HelmReleaseChart;

/// <summary>
/// The reference of chart <c>podinfo</c> at <c>6.5.0</c> in a chart repository: under <c>oci://ghcr.io/org/charts</c> it is
/// the OCI reference <c>ghcr.io/org/charts/podinfo:6.5.0</c> (registry lookup); under an HTTP(S) URL it is registry
/// <c>https://charts.example</c> (the URL without its trailing slash), repository <c>podinfo</c> (index lookup).
/// </summary>
internal static class ChartReferences
{
    /// <summary>
    /// The reference, or the reason there is none (a URL with credentials in it, a URL that is neither <c>oci://</c>
    /// nor HTTP(S), an invalid OCI name). A reason never holds the credentials: <c>https://user:pass@host</c> is
    /// refused as <c>https://***@host</c>, so they reach no plan, pull request, cache key or log.
    /// </summary>
    public static (ImageReference? Reference, string? Error) Of(string repositoryUrl, bool oci, string chart, string? version)
    {
        ArgumentNullException.ThrowIfNull(repositoryUrl);
        if (Masked(repositoryUrl) is { } masked)
        {
            return (null, $"\"{masked}\" has credentials in the URL: remove them; credentials come from a Secret (the HelmRepository's secretRef, or for an OCI registry Tidemark's registry credentials), never from the URL");
        }
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

    /// <summary>
    /// The URL with its user information replaced by <c>***</c> (<c>https://***@host/path</c>), or null when it has none.
    /// Read from the text, not from <see cref="Uri"/>, so an escaped or unparsable password is masked as written.
    /// </summary>
    public static string? Masked(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? url[start..] : url[start..end];
        var at = authority.LastIndexOf('@');
        return at < 0 ? null : url[..start] + "***" + url[(start + at)..];
    }
}
