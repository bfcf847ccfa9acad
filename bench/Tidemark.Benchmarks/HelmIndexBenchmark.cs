using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tidemark.Registries;

namespace Tidemark.Benchmarks;

/// <summary>
/// <c>helm-index FILE [MB] [RUNS] [events]</c>: writes a Helm repository <c>index.yaml</c> of about MB megabytes shaped like
/// Bitnami's (many charts, hundreds of versions each, every field <c>helm repo index</c> writes), then parses it RUNS
/// times as the Helm index client does (the file's bytes, then <see cref="HelmIndexParser"/>'s line scanner; with
/// <c>events</c>, the YAML event parser it falls back to) and
/// prints wall time, CPU, allocation and the process's peak working set.
/// </summary>
public static class HelmIndexBenchmark
{
    /// <param name="events">Parse with the YAML event parser (the fallback) instead of the line scanner.</param>
    public static int Run(string file, int megabytes, int runs, bool events)
    {
        var written = Write(file, megabytes * 1_000_000L);
        Console.WriteLine($"generated {file}: {written / 1e6:F1} MB");
        for (var run = 0; run < runs; run++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            IReadOnlyDictionary<string, IReadOnlyList<string>> index;
            if (events)
            {
                using var reader = new StreamReader(file);
                index = HelmIndexParser.Parse(reader);
            }
            else
            {
                index = HelmIndexParser.Parse(File.ReadAllBytes(file)); // as the client does: the body's bytes, then the scan
            }
            watch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(
                $"run {run + 1}: {index.Count} charts, {index.Values.Sum(v => v.Count)} versions in {watch.Elapsed.TotalSeconds:F2} s " +
                $"(CPU {cpu:F2} s, {written / 1e6 / watch.Elapsed.TotalSeconds:F0} MB/s); allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6:F0} MB; " +
                $"GC heap after {GC.GetTotalMemory(false) / 1e6:F0} MB; peak working set {self.PeakWorkingSet64 / 1e6:F0} MB");
        }
        return 0;
    }

    private static long Write(string file, long bytes)
    {
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        writer.Write("apiVersion: v1\nentries:\n");
        var text = new StringBuilder();
        var (chart, written) = (0, 0L);
        while (written < bytes)
        {
            var name = $"chart-{chart++:D4}";
            text.Clear().Append(CultureInfo.InvariantCulture, $"  {name}:\n");
            for (var v = 0; v < 300; v++)
            {
                var version = $"{v / 100 + 1}.{v / 10 % 10}.{v % 10}";
                text.Append(CultureInfo.InvariantCulture, $"""
                      - annotations:
                          category: Database
                          images: |
                            - name: {name}
                              image: docker.io/bitnami/{name}:{version}-debian-12-r{v}
                          licenses: Apache-2.0
                        apiVersion: v2
                        appVersion: {version}
                        created: "2026-01-01T00:00:00.000000000Z"
                        dependencies:
                        - name: common
                          repository: oci://registry-1.docker.io/bitnamicharts
                          tags:
                          - bitnami-common
                          version: 2.x.x
                        description: A generated chart standing in for a large public repository's, {name} version {version}.
                        digest: {v:x64}
                        home: https://example.invalid/{name}
                        icon: https://example.invalid/{name}.svg
                        keywords:
                        - {name}
                        - database
                        maintainers:
                        - name: Broadcom
                          url: https://example.invalid/maintainers
                        name: {name}
                        sources:
                        - https://example.invalid/{name}/source
                        urls:
                        - https://charts.example.invalid/{name}-{version}.tgz
                        version: {version}

                    """);
            }
            writer.Write(text);
            written += text.Length;
        }
        writer.Write("generated: \"2026-01-01T00:00:00Z\"\n");
        writer.Flush();
        return writer.BaseStream.Length;
    }
}
