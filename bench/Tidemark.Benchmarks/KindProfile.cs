using System.Diagnostics;
using Tidemark.Manifests;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Benchmarks;

/// <summary>`profile DIR`: time spent parsing and in each kind, to see where discovery time goes.</summary>
internal static class KindProfile
{
    public static void Run(string root)
    {
        var texts = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))).ToList();
        var raw = Stopwatch.StartNew();
        foreach (var (_, text) in texts)
        {
            var parser = new YamlDotNet.Core.Parser(new YamlDotNet.Core.Scanner(new StringReader(text), skipComments: false));
            while (parser.MoveNext())
            {
            }
        }
        Console.WriteLine($"raw YamlDotNet events: {raw.Elapsed.TotalSeconds:F2} s");
        var lines = Stopwatch.StartNew();
        foreach (var (_, text) in texts)
        {
            _ = new LineMap(text);
        }
        Console.WriteLine($"line maps: {lines.Elapsed.TotalSeconds:F2} s");
        var parse = Stopwatch.StartNew();
        foreach (var (_, text) in texts)
        {
            _ = YamlReader.Read(text);
        }
        Console.WriteLine($"parse: {parse.Elapsed.TotalSeconds:F2} s for {texts.Count} files");
        foreach (var kind in ManifestKinds.All)
        {
            var watch = Stopwatch.StartNew();
            foreach (var (path, text) in texts)
            {
                if (kind.Handles(path) && kind.Screen(text))
                {
                    _ = kind.Find(text, path);
                }
            }
            Console.WriteLine($"{kind.Name}: {watch.Elapsed.TotalSeconds:F2} s");
        }
    }
}
