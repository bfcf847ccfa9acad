using System.Text;
using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

public sealed class GoldenEditTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var golden in GoldenCase.All())
        {
            data.Add(golden.Kind, golden.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_GoldenCase_GivesExpectedBytes(string kind, string name)
    {
        var golden = new GoldenCase(kind, name);
        var edits = golden.Edits();
        var used = new HashSet<(string, string)>();
        foreach (var file in golden.Files())
        {
            var original = golden.Original(file);
            var text = ManifestText.Decode(original)!;
            var sites = FileFindings.Find(text, file, ManifestKinds.All).Sites;
            var replacements = Replacements(file, sites, edits, used);
            var result = replacements.Count == 0 ? text : Edited(text, file, replacements);

            Assert.Equal(Encoding.UTF8.GetString(golden.Expected(file)), Encoding.UTF8.GetString(ManifestText.Encode(result)));
            Assert.Equal(golden.Expected(file), ManifestText.Encode(result));
            Assert.Equal(ChangedLines(text, result), replacements.Count(r => Changes(r)));
        }
        Assert.Equal(edits.Count, used.Count);
    }

    private static string Edited(string text, string file, IReadOnlyList<Replacement> replacements)
    {
        var outcome = SpanEditor.Apply(text, file, replacements);
        return outcome switch
        {
            EditOutcome.Edited edited => edited.Content,
            EditOutcome.Unchanged => text,
            _ => throw new Xunit.Sdk.XunitException(outcome.ToString()),
        };
    }

    private static List<Replacement> Replacements(
        string file, IReadOnlyList<ReferenceSite> sites, IReadOnlyList<(string Site, string Value)> edits, HashSet<(string, string)> used)
    {
        var replacements = new List<Replacement>();
        foreach (var edit in edits)
        {
            var digest = edit.Value.StartsWith("sha256:", StringComparison.Ordinal);
            var part = digest ? TargetPart.Digest : TargetPart.Tag;
            foreach (var site in sites.Where(s => (s.Written == edit.Site || $"{file}:{s.Line}" == edit.Site) && s.TargetFor(part) is not null))
            {
                used.Add(edit);
                replacements.Add(digest ? new Replacement(site, null, edit.Value) : new Replacement(site, edit.Value));
            }
        }
        return replacements;
    }

    private static bool Changes(Replacement replacement) =>
        replacement.NewTag is { } tag ? replacement.Site.Image?.Tag != tag && replacement.Site.Written != tag
            : replacement.Site.Image?.Digest != replacement.NewDigest;

    /// <summary>Lines that differ between two texts with the same line count (the editor never adds or removes a line).</summary>
    internal static int ChangedLines(string before, string after)
    {
        var (a, b) = (before.Split('\n'), after.Split('\n'));
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b).Count(pair => pair.First != pair.Second);
    }
}
