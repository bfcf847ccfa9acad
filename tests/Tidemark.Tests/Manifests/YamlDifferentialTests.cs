using System.Text;
using Tidemark.Manifests;
using Tidemark.Manifests.Yaml;
using Xunit.Abstractions;

namespace Tidemark.Tests.Manifests;

/// <summary>
/// Tidemark's YAML reader against a second, independent parser: the npm package <c>yaml</c> 2.9.1 (eemeli/yaml, a
/// YAML 1.2 implementation in JavaScript), run with <c>node</c>. Every file <c>yaml</c> accepts must be valid for
/// <see cref="YamlReader"/> (the production path and the YamlDotNet path), with the same scalars (value, start and
/// end of the written text, without any anchor or tag), the same aliases and the same comments.
/// </summary>
public sealed class YamlDifferentialTests(ITestOutputHelper output)
{
    private const int GeneratedFiles = 400;

    [Fact]
    public void Read_GeneratedCorpus_AgreesWithYamlPackage()
    {
        var files = Enumerable.Range(1, GeneratedFiles).Select(seed => ($"gen-{seed:D3}.yaml", YamlCorpusGenerator.Generate(seed))).ToList();

        var (accepted, fallback) = AssertAgree(files);

        // the generator must mostly write valid YAML, and mostly YAML the block locator leaves to YamlDotNet
        Assert.InRange(accepted, GeneratedFiles * 9 / 10, GeneratedFiles);
        Assert.InRange(fallback, GeneratedFiles / 2, GeneratedFiles);
    }

    [Fact]
    public void Read_TestdataYamlFiles_AgreesWithYamlPackage()
    {
        var files = Directory.GetFiles(GoldenCase.Root, "*", SearchOption.AllDirectories)
            .Where(YamlKinds.IsYaml)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(GoldenCase.Root, f).Replace('\\', '/'), ManifestText.Decode(File.ReadAllBytes(f))!))
            // Helm chart templates are not YAML until rendered (the helm-template kind reads them line by line).
            .Where(f => !(f.Item1.Contains("/templates/", StringComparison.Ordinal) && f.Item2.Contains("{{", StringComparison.Ordinal)))
            .ToList();

        var (accepted, _) = AssertAgree(files);

        Assert.Equal(files.Count, accepted);
    }

    [Fact]
    public void Read_ExampleRepositoryYamlFiles_AgreesWithYamlPackage()
    {
        var examples = Path.Combine(YamlOracle.RepositoryRoot(), "examples");
        var files = Directory.GetFiles(examples, "*", SearchOption.AllDirectories)
            .Where(YamlKinds.IsYaml)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(examples, f).Replace('\\', '/'), ManifestText.Decode(File.ReadAllBytes(f))!))
            .ToList();

        var (accepted, _) = AssertAgree(files);

        Assert.NotEmpty(files);
        Assert.Equal(files.Count, accepted);
    }

    /// <summary>Writes the files, reads them with both parsers, and fails with every disagreement; returns how many <c>yaml</c> accepts and how many Tidemark reads with YamlDotNet.</summary>
    private (int Accepted, int Fallback) AssertAgree(IReadOnlyList<(string Name, string Content)> files)
    {
        var directory = Directory.CreateTempSubdirectory("tidemark-yaml-oracle-");
        try
        {
            var paths = files.Select((f, i) => Path.Combine(directory.FullName, $"{i:D4}-{f.Name.Replace('/', '_')}")).ToList();
            for (var i = 0; i < files.Count; i++)
            {
                File.WriteAllText(paths[i], files[i].Content, new UTF8Encoding(false));
            }
            var oracle = YamlOracle.Read(paths, directory.FullName);
            var problems = new List<string>();
            var (accepted, fallback, nodes, comments) = (0, 0, 0, 0);
            for (var i = 0; i < files.Count; i++)
            {
                var (name, content) = files[i];
                fallback += BlockYamlLocator.TryRead(content, new LineMap(content)) is null ? 1 : 0;
                if (!oracle[i].Valid)
                {
                    output.WriteLine($"{name}: yaml refuses it ({oracle[i].Errors[0]}); Tidemark: {YamlReader.Read(content).Error ?? "valid"}\n{content}");
                    continue;
                }
                accepted++;
                (nodes, comments) = (nodes + oracle[i].Scalars.Count + oracle[i].Aliases.Count, comments + oracle[i].Comments.Count);
                Compare(name, content, "Read", YamlReader.Read(content), oracle[i], problems);
                Compare(name, content, "ReadWithYamlDotNet", YamlReader.ReadWithYamlDotNet(content), oracle[i], problems);
            }
            output.WriteLine($"{files.Count} files, {accepted} accepted by yaml, {fallback} outside the block subset, {nodes} scalars and aliases, {comments} comments compared");
            problems.ForEach(p => output.WriteLine("DISAGREEMENT " + p[..p.IndexOf('\n', StringComparison.Ordinal)]));
            Assert.True(problems.Count == 0, string.Join("\n\n", problems.Take(10)) + $"\n\n({problems.Count} disagreements)");
            return (accepted, fallback);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void Compare(string name, string content, string how, YamlFile file, OracleFile oracle, List<string> problems)
    {
        if (!file.IsValid)
        {
            problems.Add($"{name}: yaml accepts it, {how} says line {file.ErrorLine}: {file.Error}\n{content}");
            return;
        }
        var (nodes, comments) = YamlFacts.Of(content, file);
        var (expectedNodes, expectedComments) = YamlFacts.Of(content, oracle);
        var missing = expectedNodes.Except(nodes).Concat(expectedComments.Except(comments)).ToList();
        var extra = nodes.Except(expectedNodes).Concat(comments.Except(expectedComments)).ToList();
        if (!nodes.SequenceEqual(expectedNodes) || !comments.SequenceEqual(expectedComments))
        {
            problems.Add($"{name} ({how}): only yaml has\n  {string.Join("\n  ", missing)}\nonly Tidemark has\n  {string.Join("\n  ", extra)}\n{content}");
        }
    }
}
