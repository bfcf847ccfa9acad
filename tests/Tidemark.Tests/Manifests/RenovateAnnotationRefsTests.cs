using System.Text.Json;
using Tidemark.Cli;

namespace Tidemark.Tests.Manifests;

/// <summary>Issue 15 end to end: <c>tidemark refs</c> lists values under <c># renovate:</c> annotations and says why others are skipped.</summary>
public sealed class RenovateAnnotationRefsTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("tidemark-renovate-annotations-").FullName;

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public async Task Refs_AnnotatedValues_AreListedAndOtherDatasourcesSkipped()
    {
        Write("talos/talconfig.yaml", "clusterName: home\n# renovate: datasource=docker depName=ghcr.io/siderolabs/installer\ntalosVersion: v1.8.1\n");
        Write("versions.env", "# renovate: datasource=github-releases depName=siderolabs/talos\nTALOSCTL_VERSION=v1.8.1\n# renovate: datasource=docker depName=fluxcd/flux-cli registryUrl=https://ghcr.io\nFLUX_VERSION=v2.4.0\n");

        var stdout = new StringWriter();
        var env = new CliEnvironment(stdout, new StringWriter(), TimeProvider.System, _ => null, ErrorIsTerminal: false);
        var code = await TidemarkApp.RunAsync(["refs", "--repo", _repo, "--output", "json"], env, CancellationToken.None);

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout.ToString()).RootElement;
        var references = json.GetProperty("references").EnumerateArray()
            .Select(r => $"{r.GetProperty("file").GetString()}:{r.GetProperty("line").GetInt32()} {r.GetProperty("kind").GetString()} {r.GetProperty("registry").GetString()}/{r.GetProperty("repository").GetString()}:{r.GetProperty("tag").GetString()}");
        Assert.Equal(
            [
                "talos/talconfig.yaml:3 renovate-annotation ghcr.io/siderolabs/installer:v1.8.1",
                "versions.env:4 renovate-annotation ghcr.io/fluxcd/flux-cli:v2.4.0",
            ],
            references);
        var skipped = Assert.Single(json.GetProperty("skipped").EnumerateArray());
        Assert.Contains("datasource=github-releases is not a container image", skipped.ToString(), StringComparison.Ordinal);
    }

    private void Write(string path, string content)
    {
        var file = Path.Combine(_repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }
}
