using System.Text;
using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

public sealed class SpanEditorPropertyTests
{
    private static readonly string[] Names = ["nginx", "ghcr.io/org/app", "quay.io/a/b", "registry.example.com:5000/t/x", "bitnami/redis"];
    private static readonly string[] Tags = ["1.9", "1.10", "2024", "v1.2.3", "7.2.4-debian-12-r0", "latest", "1", "yes", "0x1F"];
    private static readonly string[] Comments = ["", " # note", "   # {\"x\": 1}"];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            data.Add(seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Apply_GeneratedDocuments_ChangesOnlyTheEditedScalars(int seed)
    {
        var random = new XorShift((ulong)seed * 2654435761UL);
        var content = Generate(random);
        var sites = ManifestKinds.ByName("kubernetes")!.Find(content, "gen.yaml").Sites;
        var chosen = sites.Where(_ => random.Chance(50)).ToList();
        var replacements = chosen.Select(s => new Replacement(s, NewTag(random, s.Image!.Tag))).ToList();

        var outcome = SpanEditor.Apply(content, "gen.yaml", replacements);

        var after = outcome switch
        {
            EditOutcome.Edited edited => edited.Content,
            EditOutcome.Unchanged => content,
            _ => throw new Xunit.Sdk.XunitException(outcome + "\n" + content),
        };
        var reread = ManifestKinds.ByName("kubernetes")!.Find(after, "gen.yaml").Sites;
        Assert.Equal(sites.Count, reread.Count);
        for (var i = 0; i < sites.Count; i++)
        {
            var wanted = replacements.FirstOrDefault(r => r.Site == sites[i])?.NewTag ?? sites[i].Image!.Tag;
            Assert.Equal(wanted, reread[i].Image!.Tag);
            Assert.Equal(sites[i].Image!.WrittenName, reread[i].Image!.WrittenName);
        }
        Assert.Equal(replacements.Count(r => r.NewTag != r.Site.Image!.Tag), GoldenEditTests.ChangedLines(content, after));
    }

    private static string NewTag(XorShift random, string? old)
    {
        var tag = random.Pick(Tags);
        return random.Chance(20) && old is not null ? old : tag;
    }

    internal static string Generate(XorShift random)
    {
        var newline = random.Chance(30) ? "\r\n" : "\n";
        var text = new StringBuilder(random.Chance(20) ? "\uFEFF" : "");
        var documents = 1 + random.Next(3);
        for (var d = 0; d < documents; d++)
        {
            if (d > 0 || random.Chance(50))
            {
                text.Append("---").Append(newline);
            }
            text.Append("kind: Deployment").Append(newline).Append("spec:").Append(newline)
                .Append("  note: |").Append(newline).Append("    image: not-a-container:1.0").Append(newline)
                .Append("  containers:").Append(newline);
            var containers = 1 + random.Next(4);
            for (var c = 0; c < containers; c++)
            {
                text.Append(Container(random, c, newline)).Append(newline);
            }
        }
        return text.ToString();
    }

    private static string Container(XorShift random, int index, string newline)
    {
        var reference = random.Pick(Names) + ":" + random.Pick(Tags);
        var written = random.Next(3) switch
        {
            0 => reference,
            1 => "\"" + reference + "\"",
            _ => "'" + reference + "'",
        };
        return random.Chance(25)
            ? $"  - {{name: c{index}, image: {written}}}{random.Pick(Comments)}"
            : $"  - name: c{index}{newline}    image: {written}{random.Pick(Comments)}";
    }
}
