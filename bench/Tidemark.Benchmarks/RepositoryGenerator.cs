using System.Globalization;
using System.Text;

namespace Tidemark.Benchmarks;

/// <summary>Writes a synthetic repository of ~10 KB YAML files (workloads, Helm values, kustomizations) for the discovery bench.</summary>
internal static class RepositoryGenerator
{
    private static readonly string[] Images =
    [
        "nginx:1.25.3", "ghcr.io/fluxcd/source-controller:v1.4.1", "quay.io/jetstack/cert-manager-controller:v1.16.2",
        "registry.k8s.io/ingress-nginx/controller:v1.11.2", "bitnami/redis:7.2.4-debian-12-r0", "postgres:16.4",
    ];

    public static (int Files, long Bytes) Write(string root, int files)
    {
        long bytes = 0;
        for (var i = 0; i < files; i++)
        {
            var (path, text) = (i % 10) switch
            {
                0 => ($"apps/app{i}/values.yaml", Values(i)),
                1 => ($"apps/app{i}/kustomization.yaml", Kustomization(i)),
                _ => ($"apps/app{i / 10}/deploy-{i}.yaml", Workloads(i)),
            };
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var encoded = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(full, encoded);
            bytes += encoded.Length;
        }
        return (files, bytes);
    }

    private static string Workloads(int seed)
    {
        var text = new StringBuilder();
        for (var d = 0; d < 3; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $"---\n# workload {seed}-{d}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{seed}-{d}\n  labels:\n    app.kubernetes.io/name: app-{seed}\n");
            text.Append("spec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n");
            for (var c = 0; c < 2; c++)
            {
                text.Append(CultureInfo.InvariantCulture, $"        - name: c{c}\n          image: {Images[(seed + d + c) % Images.Length]} # container {c}\n");
                text.Append("          args:\n            - --log-level=info\n            - --metrics-addr=:8080\n          env:\n");
                for (var e = 0; e < 12; e++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"            - name: SETTING_{e}\n              value: \"some configuration value number {e} for the service\"\n");
                }
                text.Append("          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}\n");
            }
        }
        return text.ToString();
    }

    private static string Values(int seed)
    {
        var text = new StringBuilder("# values\nreplicaCount: 1\n");
        for (var k = 0; k < 20; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $"component{k}:\n  enabled: true\n  image:\n    registry: docker.io\n    repository: bitnami/redis\n    tag: 7.2.{(seed + k) % 9}\n  service:\n    port: 80{k:D2}\n");
            text.Append("  podAnnotations:\n    prometheus.io/scrape: \"true\"\n    description: a reasonably long annotation value that pads the file\n");
        }
        return text.ToString();
    }

    private static string Kustomization(int seed)
    {
        var text = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        for (var r = 0; r < 60; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- ../../base/component-{r}/resources-for-a-long-path.yaml\n");
        }
        text.Append("images:\n");
        for (var k = 0; k < 30; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- name: app-{k}\n  newName: ghcr.io/org/app-{k}\n  newTag: v1.{(seed + k) % 20}.0\n");
        }
        return text.ToString();
    }
}
