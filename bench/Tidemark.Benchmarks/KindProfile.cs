using System.Diagnostics;
using Tidemark.Manifests;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Benchmarks;

/// <summary>`profile DIR`: time spent parsing and in each kind, to see where discovery time goes.</summary>
internal static class KindProfile
{
    public static void Run(string root)
    {
        Once(root);
        Once(root);
    }

    private static void Once(string root)
    {
        var texts = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))).ToList();
        var raw = new Cpu();
        foreach (var (_, text) in texts)
        {
            var parser = new YamlDotNet.Core.Parser(new YamlDotNet.Core.Scanner(new StringReader(text), skipComments: false));
            while (parser.MoveNext())
            {
            }
        }
        Console.WriteLine($"raw YamlDotNet events: {raw.Seconds:F2} s");
        var lines = new Cpu();
        foreach (var (_, text) in texts)
        {
            _ = new LineMap(text);
        }
        Console.WriteLine($"line maps: {lines.Seconds:F2} s");
        var parse = new Cpu();
        foreach (var (_, text) in texts)
        {
            _ = YamlReader.Read(text);
        }
        Console.WriteLine($"parse: {parse.Seconds:F2} s for {texts.Count} files");
        foreach (var kind in ManifestKinds.All)
        {
            var watch = new Cpu();
            foreach (var (path, text) in texts)
            {
                if (kind.Handles(path) && kind.Screen(text))
                {
                    _ = kind.Find(text, path);
                }
            }
            Console.WriteLine($"{kind.Name}: {watch.Seconds:F2} s");
        }
    }
}
