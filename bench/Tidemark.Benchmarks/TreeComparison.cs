using Tidemark.Manifests.Yaml;

namespace Tidemark.Benchmarks;

/// <summary>`compare PATH...`: reads each YAML file both ways and prints the first difference (or which fell back).</summary>
internal static class TreeComparison
{
    public static int Run(IEnumerable<string> paths)
    {
        var (same, fallback, different) = (0, 0, 0);
        foreach (var path in paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories) : [p]))
        {
            var text = Tidemark.Manifests.ManifestText.Decode(File.ReadAllBytes(path));
            if (text is null)
            {
                continue;
            }
            var fast = BlockYamlLocator.TryRead(text, Tidemark.Manifests.LineMap.Of(text));
            if (fast is null)
            {
                fallback++;
                Console.WriteLine($"fallback {path}");
                continue;
            }
            var (a, b) = (YamlTreeText.Of(YamlReader.ReadWithYamlDotNet(text)), YamlTreeText.Of(fast));
            if (a == b)
            {
                same++;
                continue;
            }
            different++;
            Console.WriteLine($"DIFFERENT {path}\n--- yamldotnet\n{a}--- block\n{b}");
        }
        Console.WriteLine($"same {same}, fallback {fallback}, different {different}");
        return different == 0 ? 0 : 1;
    }
}
