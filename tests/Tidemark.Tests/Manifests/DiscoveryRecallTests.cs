using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

/// <summary>
/// Recall over a generated repository that holds every kind of place an image is written in (issue #9 §3), each
/// with a known reference, and decoys beside them: discovery must find exactly the expected (file, line, image).
/// </summary>
public sealed class DiscoveryRecallTests : IDisposable
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("tidemark-recall-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Discover_RepositoryWithEveryPlace_FindsExactlyTheExpectedReferences()
    {
        var expected = new List<string>();
        foreach (var (path, content) in RecallRepository.Files)
        {
            Write(path, content, expected);
        }

        var result = new RepositoryWalker().Discover(_root.FullName, new DiscoveryOptions());

        var found = result.Sites.Select(s => $"{s.File}:{s.Line} {s.Image}").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Equal(found.Count, found.Distinct().Count());
    }

    [Fact]
    public void Discover_RepositoryWithEveryPlace_ReportsTheTemplateLinesOncePerFile()
    {
        foreach (var (path, content) in RecallRepository.Files)
        {
            Write(path, content, []);
        }

        var result = new RepositoryWalker().Discover(_root.FullName, new DiscoveryOptions());

        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("charts/app/templates/deployment.yaml", 1), (skipped.File, skipped.Line));
    }

    /// <summary>Writes the file with its <c>⟦expected image⟧</c> marks removed, each mark noted with its line as <c>file:line image</c>.</summary>
    private void Write(string relative, string content, List<string> expected)
    {
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var mark = lines[i].IndexOf(" ⟦", StringComparison.Ordinal);
            if (mark >= 0)
            {
                expected.Add($"{relative}:{i + 1} {lines[i][(mark + 2)..^1].Replace("SHA", Sha, StringComparison.Ordinal)}");
                lines[i] = lines[i][..mark];
            }
            lines[i] = lines[i].Replace("SHA", Sha, StringComparison.Ordinal);
        }
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join('\n', lines));
    }
}
