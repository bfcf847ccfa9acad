using System.Text.Json.Nodes;
using Tidemark.IntegrationTests.Run;
using Tidemark.Testing;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Deploy;

/// <summary>
/// The single-file binary (<c>scripts/publish.sh</c>) and the container image (<c>deploy/container/build.sh</c>): the file
/// runs on its own; the image, built with no daemon on a base of the host's own files (<c>host-rootfs.sh</c>; a release
/// uses build.sh's debootstrap base, which takes minutes), is pushed to a real registry, read back (user, entrypoint,
/// labels, git and tidemark in the layers) and run unpacked with chroot as its user against the GitHub simulator.
/// </summary>
[Collection(PublishedCliCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishAndImageTests(PublishedCli cli, RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly string Root = ExampleRepository.SourceRoot();

    [Fact]
    public async Task SingleFile_IsOneFile_RunsVersionAndRefsOnTheExample_WithoutDotnet()
    {
        // no dotnet on PATH, no DOTNET_ROOT: the file carries its runtime
        var env = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = cli.Root };

        var version = await Shell.RunAsync(cli.Executable, ["--version"], TimeSpan.FromMinutes(1), env);
        var refs = await Shell.RunAsync(cli.Executable, ["refs", "--repo", Path.Combine(Root, "examples"), "--output", "json"], TimeSpan.FromMinutes(1), env);

        Assert.Equal(["tidemark"], Directory.GetFileSystemEntries(cli.Folder).Select(Path.GetFileName));
        Assert.True(version.Code == 0, version.Error);
        Assert.StartsWith("0.1.0+", version.Out, StringComparison.Ordinal);
        Assert.True(refs.Code == 0, refs.Error);
        Assert.Contains("quay.io/jetstack/cert-manager-controller", refs.Out, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(refs.Out));
    }

    [Fact]
    public async Task PublishScript_UnknownPlatform_Exit2_BuildsNothing()
    {
        var result = await Shell.RunAsync(Path.Combine(Root, "scripts", "publish.sh"), ["--out", Path.Combine(cli.Root, "x"), "linux-sparc"], TimeSpan.FromMinutes(1));

        Assert.Equal(2, result.Code);
        Assert.Contains("linux-sparc is not a runtime identifier", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.Root, "x", "linux-sparc")));
    }

    [Fact]
    public async Task Image_BuiltWithoutADaemon_PushedAndReadBack_RunsTidemarkRunAsItsUserAgainstTheSimulator()
    {
        Assert.True(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root",
            "building and running the image (chown to 65532, chroot) needs root, as CI and the sessions here have");
        await using var registry = await LocalRegistry.StartAnonymousAsync();
        using var scene = await fixture.NewSceneAsync();
        var work = Directory.CreateTempSubdirectory("tidemark-image-").FullName;
        var unpacked = Path.Combine(work, "unpacked");
        try
        {
            var rootfs = await Shell.RunAsync(Path.Combine(Root, "deploy", "container", "host-rootfs.sh"), [Path.Combine(work, "rootfs")], TimeSpan.FromMinutes(2));
            Assert.True(rootfs.Code == 0, rootfs.Error);
            var build = await Shell.RunAsync(Path.Combine(Root, "deploy", "container", "build.sh"),
                ["--registry", registry.Host, "--insecure", "--rootfs", Path.Combine(work, "rootfs"), "--cli", cli.Folder, "--tag", "test"], TimeSpan.FromMinutes(5));
            Assert.True(build.Code == 0, build.Error);
            Assert.Matches($"^{registry.Host}/tidemark:test@sha256:[0-9a-f]{{64}}$", build.Out.Trim());

            // what a cluster would pull: the manifest, the config (user, entrypoint, labels), the layers
            using var http = new HttpClient { BaseAddress = registry.BaseUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, "v2/tidemark/manifests/test");
            request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
            using var response = await http.SendAsync(request);
            var manifest = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var config = JsonNode.Parse(await http.GetStringAsync($"v2/tidemark/blobs/{manifest["config"]!["digest"]}"))!["config"]!;
            Assert.Equal("65532:65532", (string?)config["User"]);
            Assert.Equal("/usr/local/bin/tidemark", (string?)config["Entrypoint"]![0]);
            Assert.Equal("0.1.0", (string?)config["Labels"]!["org.opencontainers.image.version"]);
            Assert.Equal(Git("rev-parse", "HEAD"), (string?)config["Labels"]!["org.opencontainers.image.revision"]);
            Assert.StartsWith("https://", (string?)config["Labels"]!["org.opencontainers.image.source"], StringComparison.Ordinal);
            Assert.Equal(2, manifest["layers"]!.AsArray().Count);

            // unpacked and run as the image's user, against the simulator and the registry on loopback
            Directory.CreateDirectory(Path.Combine(unpacked, "tmp"));
            File.Copy(scene.OperatorConfig!, Path.Combine(unpacked, "tmp", "operator.yaml"));
            var env = new Dictionary<string, string>
            {
                ["PATH"] = Environment.GetEnvironmentVariable("PATH")!,
                ["GITHUB_TOKEN"] = scene.Token,
                ["TIDEMARK_STATE"] = "/var/lib/tidemark/state.db",
            };
            var run = await Shell.RunAsync(Path.Combine(Root, "deploy", "container", "verify.sh"),
                ["--insecure", $"{registry.Host}/tidemark:test", "--unpack", unpacked, "--",
                    "run", "--repo", scene.RemoteUrl, "--api-url", scene.GitHub.ApiUri.AbsoluteUri, "--config", "/tmp/operator.yaml", "--work-dir", "/tmp/work"],
                TimeSpan.FromMinutes(4), env);

            Assert.True(run.Code == 0, run.Out + run.Error);
            Assert.Contains("verify.sh: org.opencontainers.image.revision=", run.Out, StringComparison.Ordinal);
            Assert.Contains("git and tidemark present", run.Out, StringComparison.Ordinal);
            Assert.EndsWith("verify.sh: ok", run.Out.Trim(), StringComparison.Ordinal);
            var pull = Assert.Single(scene.Repository.PullRequests);
            Assert.Contains("cert-manager-controller", pull.Body, StringComparison.Ordinal);
            // written by the image's user, in its own folder
            var state = new FileInfo(Path.Combine(unpacked, "var", "lib", "tidemark", "state.db"));
            Assert.True(state.Exists);
            Assert.DoesNotContain(scene.Token, run.Out + run.Error, StringComparison.Ordinal);
        }
        finally
        {
            DeleteUnmounted(work, unpacked);
        }
    }

    /// <summary>Deletes <paramref name="work"/> only once nothing is mounted under it (verify.sh binds /proc and /dev).</summary>
    private static void DeleteUnmounted(string work, string unpacked)
    {
        foreach (var mount in new[] { "proc", "dev" })
        {
            using var umount = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("umount", [Path.Combine(unpacked, mount)]) { RedirectStandardError = true })!;
            umount.WaitForExit();
        }

        var mounts = File.ReadAllLines("/proc/mounts").Where(l => l.Contains(work, StringComparison.Ordinal)).ToList();
        Assert.True(mounts.Count == 0, "still mounted, left in place: " + string.Join("; ", mounts));
        Directory.Delete(work, recursive: true);
    }

    private static string Git(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
