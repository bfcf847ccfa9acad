using System.Reflection;
using Tidemark.Manifests;
using Tidemark.Manifests.Yaml;
using Xunit.Sdk;

namespace Tidemark.Tests.Manifests;

/// <summary>
/// The block locator must read every file it accepts exactly as the YamlDotNet path does: the same located tree
/// (every span, line and comment) and so the same sites and skipped lists from every kind. Inputs: every file
/// under <c>testdata/manifests</c>, every content in <see cref="FindTests"/>, tricky hand-written cases, and
/// documents from the property test's generator (with and without its block scalar, which forces the fallback).
/// </summary>
public sealed class BlockYamlLocatorEquivalenceTests
{
    private static readonly string[] Tricky =
    [
        "a: 1\n  # indented own-line\nb: 2\n# col0\nc:\n  - x # ix\n  # in seq\n  - y\nd:\n- p: 1\n  q: 2 # qq   \n- r\n# trailing\n",
        "# only a comment\n",
        "",
        "# head\n---\nk: v\n# before\n---\nk2: {a: b, c: [1, 2]}\n",
        "k: v",
        "k:\r\n  - \"q\" # c\r\n  - 'it''s'\r\n",
        "\uFEFFk:\n  x: 1\n\n\n",
        "- a\n- b: 1\n  c: 2\n",
        "a:\n  b:\n    c: 1\n  # deep comment\n\n# zero\nd: 2\n",
        "---\n---\nk: v\n",
        "k: v\n...\n",
        "k: # comment on the key\n  v: 1\n",
        "k: {a: 1} # after a flow mapping\n",
        "k: [a, b,]\n",
        "k: a: b\n",
        "- - a\n  - b\n",
        "k:\n  plain\n  continued\n",
        "k: \"esc\\\"aped\"\n",
        "k: 'multi\n  line'\n",
        "k: &a v\nj: *a\n",
        "k: !!str v\n",
        "k: |\n  block\n",
        "k:\n\tv: 1\n",
        "k: v\n  # deeper comment after a value\nj: w\n",
        "spec:\n  containers:\n  - {name: a, image: 'x/y:1'}\n  - image: \"ghcr.io/o/app:2\" # {\"$imagepolicy\": \"ns:app\"}\n",
        "key: value]\n",
        "? complex\n: value\n",
        "a:\n- b\n- c\nd: e\n",
        "a:\n  - b\n  -\n    c: d\n",
        "k: -1\nj: --flag=x\nl: http://example.com:8080/a#frag\n",
        "\"quoted key\": 1\n'single': 2\n",
        "k: v #comment-without-space-before-is-part\n",
        "k: \"v\"#no space\n",
        "k: {}\nj: []\nl: [{a: 1}, [b]]\nm: { a: 1 }\nn: [a , b]\no: [\"x\", 'y']\n",
        "a: b\n\n---\n\n- x\n- {k: v}\n",
        "k: v   \nj: \"w\"   \n",
    ];

    public static TheoryData<string> TestdataFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenCase.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (YamlKinds.IsYaml(file))
            {
                data.Add(Path.GetRelativePath(GoldenCase.Root, file).Replace('\\', '/'));
            }
        }
        return data;
    }

    public static TheoryData<int> TrickyCases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Tricky.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TestdataFiles))]
    public void Read_TestdataFile_SameAsYamlDotNet(string file)
    {
        var content = ManifestText.Decode(File.ReadAllBytes(Path.Combine(GoldenCase.Root, file)))!;

        AssertSame(content, Path.GetFileName(file));
    }

    [Fact]
    public void Read_FindTestsContents_SameAsYamlDotNet()
    {
        var contents = typeof(FindTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>())
            .SelectMany(a => a.GetData(null!))
            .Where(row => row.Length >= 3 && row[1] is string path && row[2] is string && YamlKinds.IsYaml(path))
            .Select(row => ((string)row[1], (string)row[2]))
            .ToList();

        Assert.NotEmpty(contents);
        foreach (var (path, content) in contents)
        {
            AssertSame(content, path);
        }
    }

    [Theory]
    [MemberData(nameof(TrickyCases))]
    public void Read_TrickyCase_SameAsYamlDotNet(int index)
    {
        AssertSame(Tricky[index], "tricky.yaml");
    }

    [Fact]
    public void Read_GeneratedDocuments_SameAsYamlDotNet()
    {
        var accepted = 0;
        for (var seed = 1; seed <= 200; seed++)
        {
            var content = SpanEditorPropertyTests.Generate(new XorShift((ulong)seed * 2654435761UL));
            var withoutBlockScalar = content.Replace("  note: |\r\n    image: not-a-container:1.0\r\n", "", StringComparison.Ordinal)
                .Replace("  note: |\n    image: not-a-container:1.0\n", "", StringComparison.Ordinal);

            AssertSame(content, "gen.yaml");
            AssertSame(withoutBlockScalar, "gen.yaml");
            accepted += BlockYamlLocator.TryRead(withoutBlockScalar, new LineMap(withoutBlockScalar)) is null ? 0 : 1;
        }
        Assert.InRange(accepted, 20, 200);
    }

    private static void AssertSame(string content, string path)
    {
        var reference = YamlReader.ReadWithYamlDotNet(content);
        if (BlockYamlLocator.TryRead(content, new LineMap(content)) is { } block)
        {
            Assert.Equal(YamlTreeText.Of(reference), YamlTreeText.Of(block));
        }
        var expected = YamlReader.WithYamlDotNetOnly(() => FileFindings.Find(content, path, ManifestKinds.All));
        var actual = FileFindings.Find(new string(content.AsSpan()), path, ManifestKinds.All);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    private static string[] Describe(KindFindings found) =>
    [
        .. found.Sites.Select(s => $"{s.Line}:{s.Column} {s.Kind} {s.Image} {s.Written} {s.Marker} "
            + string.Join(",", s.Targets.Select(t => $"{t.Span}/{t.Part}/{t.CurrentText}/{t.Style}"))),
        .. found.Skipped.Select(s => s.ToString()),
    ];
}
