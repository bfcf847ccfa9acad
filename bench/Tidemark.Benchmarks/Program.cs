using BenchmarkDotNet.Running;
using System.Diagnostics;
using Tidemark.Benchmarks;
using Tidemark.Manifests;

// discovery bench: `generate DIR [FILES]` writes a synthetic GitOps repository; `discover DIR [RUNS]` times
// RepositoryWalker.Discover over it and prints MB/s and files/s (run it on one core: see bench/discovery.sh).
if (args.Length >= 2 && args[0] == "generate")
{
    var files = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    var (written, bytes) = RepositoryGenerator.Write(args[1], files);
    Console.WriteLine($"generated {written} files, {bytes / 1e6:F1} MB in {args[1]}");
    return 0;
}
if (args.Length >= 2 && args[0] == "discover")
{
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    var walker = new RepositoryWalker();
    for (var run = 0; run < runs; run++)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (pauseBefore, gen0, gen1, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var watch = Stopwatch.StartNew();
        var result = walker.Discover(args[1], new DiscoveryOptions());
        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(
            $"run {run + 1}: {result.FilesRead} files, {result.BytesRead / 1e6:F1} MB, {result.Sites.Count} references, " +
            $"{result.Skipped.Count} skipped in {seconds:F2} s = {result.BytesRead / 1e6 / seconds:F1} MB/s, {result.FilesRead / seconds:F0} files/s; " +
            $"CPU {cpu:F2} s = {result.BytesRead / 1e6 / cpu:F1} MB/CPU-s, {result.FilesRead / cpu:F0} files/CPU-s; " +
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6:F0} MB, GC pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:F2} s, collections gen0/1/2 " +
            $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}");
    }
    return 0;
}
if (args.Length >= 2 && args[0] == "compare")
{
    return TreeComparison.Run(args.Skip(1));
}
if (args.Length >= 3 && args[0] == "locate")
{
    KindProfile.Locate(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}
if (args.Length >= 2 && args[0] == "profile")
{
    KindProfile.Run(args[1]);
    return 0;
}
if (args.Length >= 2 && args[0] == "helm-index")
{
    var megabytes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30;
    return HelmIndexBenchmark.Run(args[1], megabytes, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Length > 4 && args[4] == "events");
}
if (args.Length >= 1 && args[0] == "scan")
{
    return await ScanBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
}
// everything else goes to BenchmarkDotNet, e.g. --filter '*PolicySelection*' --job short
BenchmarkSwitcher.FromAssembly(typeof(PolicySelectionBenchmarks).Assembly).Run(args);
return 0;
