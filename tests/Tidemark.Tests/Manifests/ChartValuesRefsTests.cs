using System.Text.Json;
using Tidemark.Cli;
using Tidemark.Manifests;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Tests.Manifests;

/// <summary>
/// Issue #9 end to end: Bitnami-style chart values and HelmReleases (<c>## @param</c> comments, <c>[]</c> and <c>{}</c>
/// values, anchors, block scalars) are read and their images listed by <c>tidemark refs</c>, none skipped.
/// </summary>
public sealed class ChartValuesRefsTests : IDisposable
{
    private const string BitnamiValues = """
        ## @section Global parameters
        ## @param global.imageRegistry Global Docker image registry
        ## @param global.imagePullSecrets Global Docker registry secret names as an array
        ##
        global:
          imageRegistry: ""
          imagePullSecrets: []
          defaultStorageClass: ""
        ## @param commonLabels Labels to add to all deployed objects
        commonLabels: {}
        ## @param extraDeploy Array of extra objects to deploy with the release
        extraDeploy: []
        ## Bitnami Redis(R) image
        ## @param image.registry [default: REGISTRY_NAME] Redis(R) image registry
        ## @param image.repository [default: REPOSITORY_NAME/redis] Redis(R) image repository
        ## @skip image.tag Redis(R) image tag (immutable tags are recommended)
        ##
        image:
          registry: docker.io
          repository: bitnami/redis
          tag: 7.2.4-debian-12-r9
          digest: ""
          pullPolicy: IfNotPresent
          ## @param image.pullSecrets Redis(R) image pull secrets
          pullSecrets: []
          debug: false
        master:
          ## @param master.configuration Configuration for Redis(R) master nodes
          configuration: |
            maxmemory-policy allkeys-lru
          containerPorts:
            redis: &redisPort 6379
            # the same port for the sentinel's view
          sentinelPort: *redisPort
          podLabels: {}
          # comment after a flow mapping
          extraEnvVars: []
        metrics:
          image:
            registry: docker.io
            repository: bitnami/redis-exporter
            tag: 1.58.0-debian-12-r4
        """;

    private const string FluxRelease = """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: web
          namespace: apps
        spec:
          interval: 1h
          values:
            imagePullSecrets: []
            ## @param image.registry The registry
            image:
              registry: ghcr.io
              repository: org/web
              tag: 2.3.1
            env:
              PORT: &port 3003
              # comment
              OTHER: x
              METRICS_PORT: *port
        """;

    private readonly string _repo = Directory.CreateTempSubdirectory("tidemark-chart-values-").FullName;

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public void Find_BitnamiStyleValues_FindsTheImagesWithNothingSkipped()
    {
        var found = ManifestKinds.ByName("helm-values")!.Find(BitnamiValues, "charts/redis/values.yaml");

        // the anchor and the block scalar put the file outside the block locator's subset: YamlDotNet reads it
        Assert.Null(BlockYamlLocator.TryRead(BitnamiValues, new LineMap(BitnamiValues)));
        Assert.Empty(found.Skipped);
        Assert.Equal(["docker.io/bitnami/redis:7.2.4-debian-12-r9", "docker.io/bitnami/redis-exporter:1.58.0-debian-12-r4"], found.Sites.Select(s => s.Image!.ToString()));
    }

    [Fact]
    public async Task Refs_ChartValuesAndHelmRelease_ListsEveryImage()
    {
        Write("charts/redis/values.yaml", BitnamiValues);
        Write("apps/web/helmrelease.yaml", FluxRelease);

        var (code, output) = await RefsAsync();

        Assert.Equal(0, code);
        // the line of each reference is its repository's line
        var json = JsonDocument.Parse(output).RootElement;
        var references = json.GetProperty("references").EnumerateArray()
            .Select(r => $"{r.GetProperty("file").GetString()}:{r.GetProperty("line").GetInt32()} {r.GetProperty("kind").GetString()} {r.GetProperty("repository").GetString()}:{r.GetProperty("tag").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "apps/web/helmrelease.yaml:13 helmrelease org/web:2.3.1",
                "charts/redis/values.yaml:20 helm-values bitnami/redis:7.2.4-debian-12-r9",
                "charts/redis/values.yaml:41 helm-values bitnami/redis-exporter:1.58.0-debian-12-r4",
            ],
            references);
        Assert.Empty(json.GetProperty("skipped").EnumerateArray());
    }

    private void Write(string path, string content)
    {
        var file = Path.Combine(_repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content + "\n");
    }

    private async Task<(int Code, string Output)> RefsAsync()
    {
        var stdout = new StringWriter();
        var env = new CliEnvironment(stdout, new StringWriter(), TimeProvider.System, _ => null, ErrorIsTerminal: false);
        var code = await TidemarkApp.RunAsync(["refs", "--repo", _repo, "--output", "json"], env, CancellationToken.None);
        return (code, stdout.ToString());
    }
}
