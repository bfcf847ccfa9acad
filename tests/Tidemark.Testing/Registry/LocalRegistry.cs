using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Tidemark.Testing.Registry;

/// <summary>
/// A real CNCF distribution registry (Debian's <c>/usr/bin/docker-registry</c>) on a free 127.0.0.1 port with a
/// temporary storage folder, in anonymous, htpasswd (bcrypt) or token mode. Tags are pushed over the HTTP API.
/// Dispose kills the process and deletes the folder.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private const string Executable = "/usr/bin/docker-registry";

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder output;
    private readonly RegistryPusher pusher;

    private LocalRegistry(Process process, string directory, StringBuilder output, int port, RegistryAuthMode mode, Func<string, AuthenticationHeaderValue?> pushAuthorization)
    {
        this.process = process;
        this.directory = directory;
        this.output = output;
        Port = port;
        Mode = mode;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        pusher = new RegistryPusher(BaseUri, pushAuthorization);
    }

    public int Port { get; }

    public RegistryAuthMode Mode { get; }

    /// <summary>The registry host as it appears in an image reference: <c>127.0.0.1:PORT</c>.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public Uri BaseUri { get; }

    /// <summary>What the registry wrote to stdout/stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static Task<LocalRegistry> StartAnonymousAsync(CancellationToken cancellationToken = default) =>
        StartAsync(RegistryAuthMode.Anonymous, _ => "", _ => null, cancellationToken);

    /// <summary>An anonymous registry that notifies <paramref name="notification"/> of every push and pull (its own webhook).</summary>
    public static Task<LocalRegistry> StartAnonymousAsync(RegistryNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return StartAsync(RegistryAuthMode.Anonymous, _ => notification.ConfigSection(), _ => null, cancellationToken);
    }

    public static async Task<LocalRegistry> StartHtpasswdAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        var entry = await RunAsync("htpasswd", ["-Bbn", username, password], cancellationToken);
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return await StartAsync(RegistryAuthMode.Htpasswd, dir =>
        {
            var path = Path.Combine(dir, "htpasswd");
            File.WriteAllText(path, entry.Trim() + "\n");
            return $"auth:\n  htpasswd:\n    realm: tidemark-test\n    path: {path}\n";
        }, _ => basic, cancellationToken);
    }

    public static Task<LocalRegistry> StartTokenAsync(TokenIssuer issuer, CancellationToken cancellationToken = default) =>
        StartAsync(RegistryAuthMode.Token, _ =>
            $"auth:\n  token:\n    realm: {issuer.Realm}\n    service: {issuer.Service}\n    issuer: {issuer.Issuer}\n    rootcertbundle: {issuer.CertificatePath}\n",
            repository => new AuthenticationHeaderValue("Bearer", issuer.CreateToken("pusher", repository, "pull", "push")),
            cancellationToken);

    /// <summary>Pushes one tag with its own manifest (a distinct annotation) and returns the manifest digest.</summary>
    public Task<string> PushTagAsync(string repository, string tag, CancellationToken cancellationToken = default) =>
        pusher.PushTagAsync(repository, tag, cancellationToken);

    /// <summary>Pushes many tags (blobs shared, manifests in parallel); returns tag → digest.</summary>
    public Task<IReadOnlyDictionary<string, string>> PushTagsAsync(string repository, IEnumerable<string> tags, CancellationToken cancellationToken = default) =>
        pusher.PushTagsAsync(repository, tags, cancellationToken);

    /// <summary>Pushes a real Helm chart archive as <c>helm push</c> does (Helm's config and content media types); returns the digest.</summary>
    public Task<string> PushHelmChartAsync(string repository, string chart, string version, CancellationToken cancellationToken = default) =>
        pusher.PushArtifactAsync(repository, version, OciArtifact.HelmChart(chart, version), cancellationToken);

    /// <summary>Pushes a Flux-style OCI artifact (<c>flux push artifact</c>'s media types) under <paramref name="tag"/>; returns the digest.</summary>
    public Task<string> PushFluxArtifactAsync(string repository, string tag, CancellationToken cancellationToken = default) =>
        pusher.PushArtifactAsync(repository, tag, OciArtifact.Flux(tag), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        pusher.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<LocalRegistry> StartAsync(
        RegistryAuthMode mode, Func<string, string> authSection, Func<string, AuthenticationHeaderValue?> pushAuthorization, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var directory = CreateStorageDirectory();
            var port = FreePort();
            var config = Path.Combine(directory, "config.yml");
            await File.WriteAllTextAsync(config, Config(directory, port) + authSection(directory), cancellationToken);
            var output = new StringBuilder();
            var process = Launch(config, output);
            var registry = new LocalRegistry(process, directory, output, port, mode, pushAuthorization);
            if (await registry.WaitUntilReadyAsync(cancellationToken))
            {
                return registry;
            }

            var log = registry.Output;
            await registry.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"{Executable} did not answer GET /v2/ on 127.0.0.1:{port}; its output:\n{log}");
            }
        }
    }

    private static string Config(string directory, int port) => $"""
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: {Path.Combine(directory, "data")}
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:{port}
          secret: tidemark-test-secret

        """;

    private static Process Launch(string config, StringBuilder output)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        return ServerProcess.StartCapturing(start, output, Executable);
    }

    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "v2/"), cancellationToken);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }

    /// <summary>Under /dev/shm when there is one: the registry writes several small files per manifest, and a busy disk
    /// made pushing 2,500 tags and deleting them afterwards take tens of seconds.</summary>
    private static string CreateStorageDirectory()
    {
        const string memory = "/dev/shm";
        if (!Directory.Exists(memory))
        {
            return Directory.CreateTempSubdirectory("tidemark-registry-").FullName;
        }

        return Directory.CreateDirectory(Path.Combine(memory, "tidemark-registry-" + Guid.NewGuid().ToString("N"))).FullName;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"{file} failed: {await stderr}");
    }
}
