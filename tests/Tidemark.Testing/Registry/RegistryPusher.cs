using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tidemark.Testing.Registry;

/// <summary>
/// Pushes images without docker: a config blob and a layer blob per repository (uploaded once), then one OCI image
/// manifest per tag whose annotation names the tag, so every tag has its own digest.
/// </summary>
internal sealed class RegistryPusher(Uri baseUri, Func<string, AuthenticationHeaderValue?> authorization) : IDisposable
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private static readonly byte[] ConfigBlob = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}""");
    private static readonly byte[] LayerBlob = Encoding.UTF8.GetBytes("tidemark test layer");

    private readonly HttpClient http = new() { BaseAddress = baseUri };
    private readonly ConcurrentDictionary<string, Lazy<Task>> blobs = new(StringComparer.Ordinal);

    public async Task<string> PushTagAsync(string repository, string tag, CancellationToken cancellationToken)
    {
        await blobs.GetOrAdd(repository, r => new Lazy<Task>(() => UploadBlobsAsync(r, cancellationToken))).Value;
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestType,
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = Digest(ConfigBlob), size = ConfigBlob.Length },
            layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar", digest = Digest(LayerBlob), size = LayerBlob.Length } },
            annotations = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = tag },
        });
        using var request = Request(HttpMethod.Put, $"v2/{repository}/manifests/{tag}", repository);
        request.Content = new ByteArrayContent(manifest);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ManifestType);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, $"PUT manifest {repository}:{tag}", cancellationToken);
        return Digest(manifest);
    }

    /// <summary>
    /// Pushes a non-image OCI artifact under <paramref name="tag"/> (one config blob, one layer) in an OCI image manifest
    /// with the given media types, as <c>helm push</c> and <c>flux push artifact</c> do; returns the manifest digest.
    /// </summary>
    public async Task<string> PushArtifactAsync(string repository, string tag, OciArtifact artifact, CancellationToken cancellationToken)
    {
        await UploadBlobAsync(repository, artifact.Config, cancellationToken);
        await UploadBlobAsync(repository, artifact.Layer, cancellationToken);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestType,
            config = new { mediaType = artifact.ConfigMediaType, digest = Digest(artifact.Config), size = artifact.Config.Length },
            layers = new[] { new { mediaType = artifact.LayerMediaType, digest = Digest(artifact.Layer), size = artifact.Layer.Length } },
            annotations = artifact.Annotations,
        });
        using var request = Request(HttpMethod.Put, $"v2/{repository}/manifests/{tag}", repository);
        request.Content = new ByteArrayContent(manifest);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ManifestType);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, $"PUT artifact manifest {repository}:{tag}", cancellationToken);
        return Digest(manifest);
    }

    public async Task<IReadOnlyDictionary<string, string>> PushTagsAsync(string repository, IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        var digests = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(tags, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (tag, token) => digests[tag] = await PushTagAsync(repository, tag, token));
        return digests;
    }

    public void Dispose() => http.Dispose();

    private async Task UploadBlobsAsync(string repository, CancellationToken cancellationToken)
    {
        await UploadBlobAsync(repository, ConfigBlob, cancellationToken);
        await UploadBlobAsync(repository, LayerBlob, cancellationToken);
    }

    private async Task UploadBlobAsync(string repository, byte[] blob, CancellationToken cancellationToken)
    {
        using var start = Request(HttpMethod.Post, $"v2/{repository}/blobs/uploads/", repository);
        using var started = await http.SendAsync(start, cancellationToken);
        await EnsureAsync(started, $"POST blob upload to {repository}", cancellationToken);
        var location = new Uri(http.BaseAddress!, started.Headers.Location!);
        var separator = location.Query.Length > 0 ? "&" : "?";
        using var put = Request(HttpMethod.Put, $"{location}{separator}digest={Uri.EscapeDataString(Digest(blob))}", repository);
        put.Content = new ByteArrayContent(blob);
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var done = await http.SendAsync(put, cancellationToken);
        await EnsureAsync(done, $"PUT blob to {repository}", cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string uri, string repository) =>
        new(method, uri) { Headers = { Authorization = authorization(repository) } };

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
