using Tidemark.Manifests;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Benchmarks;

/// <summary>
/// `profile DIR`: CPU time spent parsing (YamlDotNet's events, its tree, the block locator's tree) and in each
/// kind, to see where discovery time goes. Each figure is the best of three passes (JIT and GC are noisy).
/// </summary>
internal static class KindProfile
{
    public static void Run(string root)
    {
        var texts = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        // the reader's fallback parses without comment tokens (issue 9); the comment-preserving scanner for comparison
        foreach (var skipComments in new[] { true, false })
        {
            Best($"raw YamlDotNet events (skipComments: {skipComments})", () =>
            {
                foreach (var (_, text) in texts)
                {
                    var parser = new YamlDotNet.Core.Parser(new YamlDotNet.Core.Scanner(new StringReader(text), skipComments));
                    while (parser.MoveNext())
                    {
                    }
                }
            });
        }
        Best("line maps", () => texts.ForEach(t => _ = new LineMap(t.Text)));
        Best("YamlDotNet tree", () => texts.ForEach(t => _ = YamlReader.ReadWithYamlDotNet(t.Text)));
        Best("block locator tree", () => texts.ForEach(t => _ = BlockYamlLocator.TryRead(t.Text, new LineMap(t.Text))));
        // the tree cache keeps only the last text, so each kind's figure includes parsing the files it reads
        foreach (var kind in ManifestKinds.All)
        {
            Best(kind.Name + " (parse included)", () =>
            {
                foreach (var (path, text) in texts)
                {
                    if (kind.Handles(path) && kind.Screen(text))
                    {
                        _ = kind.Find(text, path);
                    }
                }
            });
        }
        Console.WriteLine($"{texts.Count} files, {texts.Sum(t => (long)t.Text.Length) / 1e6:F1} M chars");
    }

    /// <summary>`locate DIR PASSES`: only the block locator, for a sampling profiler.</summary>
    public static void Locate(string root, int passes)
    {
        var texts = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        var lines = texts.Select(t => new LineMap(t)).ToList();
        Best($"block locator x{passes}", () =>
        {
            for (var pass = 0; pass < passes; pass++)
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    _ = BlockYamlLocator.TryRead(texts[i], lines[i]);
                }
            }
        });
    }

    private static void Best(string what, Action action)
    {
        var (best, allocated) = (double.MaxValue, 0L);
        for (var pass = 0; pass < 3; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = new Cpu();
            action();
            best = Math.Min(best, cpu.Seconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Console.WriteLine($"{what}: {best:F3} s, {allocated / 1e6:F1} MB allocated");
    }
}
