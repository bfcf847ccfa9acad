namespace Tidemark.Registries;

/// <summary>
/// Maps the registry host of a normalised reference to the API endpoint: <c>docker.io</c> → <c>https://registry-1.docker.io</c>,
/// <c>127.0.0.1:5000</c> → <c>http://127.0.0.1:5000</c>. Plain HTTP only for loopback (unless it has a CA bundle) or an
/// <c>insecure</c> registry.
/// </summary>
internal static class RegistryHost
{
    public const string DockerHub = "docker.io";

    public const string DockerHubApiHost = "registry-1.docker.io";

    /// <summary>The key Docker's config.json and credential helpers use for Docker Hub.</summary>
    public const string DockerHubConfigKey = "https://index.docker.io/v1/";

    private static readonly string[] DockerHubAliases = [DockerHub, "index.docker.io", DockerHubApiHost, "registry.hub.docker.com"];

    public static bool IsDockerHub(string host) => DockerHubAliases.Contains(host, StringComparer.OrdinalIgnoreCase);

    public static string ApiHost(string registry) => IsDockerHub(registry) ? DockerHubApiHost : registry;

    public static bool IsLoopback(string registry)
    {
        return Uri.TryCreate("http://" + registry, UriKind.Absolute, out var uri) && uri.IsLoopback;
    }

    /// <summary>
    /// The one plain-HTTP rule, for registries and Helm repositories alike: a host (<c>host[:port]</c>) may be reached
    /// over <c>http://</c> when it is a loopback host or the operator marks it <c>insecure: true</c>, and never when the
    /// operator gives it a CA bundle (then it is HTTPS, validated against that bundle).
    /// </summary>
    public static bool AllowsPlainHttp(string host, bool insecure, bool hasCaBundle) => !hasCaBundle && (insecure || IsLoopback(host));

    /// <inheritdoc cref="AllowsPlainHttp(string, bool, bool)"/>
    public static bool AllowsPlainHttp(string host, RegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return AllowsPlainHttp(host, settings.Insecure, settings.CaBundlePath is not null);
    }

    /// <param name="requireTls">HTTPS even on loopback, for a registry configured with its own CA bundle.</param>
    public static Uri BaseUri(string registry, bool insecure, bool requireTls = false)
    {
        var scheme = AllowsPlainHttp(registry, insecure, requireTls) ? "http" : "https";
        if (!Uri.TryCreate($"{scheme}://{ApiHost(registry)}/", UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
        {
            throw new RegistryException(
                RegistryErrorKind.InvalidResponse,
                $"\"{registry}\" is not a registry host; expected a host with an optional port such as quay.io or 127.0.0.1:5000");
        }

        return uri;
    }

    /// <summary>
    /// Reduces a config.json key or server URL to a comparable host: <c>https://index.docker.io/v1/</c> → <c>docker.io</c>,
    /// <c>http://localhost:5000</c> → <c>localhost:5000</c>.
    /// </summary>
    public static string Canonical(string hostOrUrl)
    {
        var value = hostOrUrl.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value[(scheme + 3)..];
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            value = value[..slash];
        }

        value = value.ToLowerInvariant();
        return IsDockerHub(value) ? DockerHub : value;
    }
}
