using System.Text;
using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

public sealed class RepositoryWalkerTests : IDisposable
{
    private const string Pod = "spec:\n  containers:\n  - image: nginx:1.25\n";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("tidemark-walker-");
    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("tidemark-outside-");

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _outside.Delete(recursive: true);
    }

    [Fact]
    public void Discover_Repository_FindsReferencesSortedByFileThenLine()
    {
        Write("b/deploy.yaml", Pod + "  - image: redis:7\n");
        Write("a/Dockerfile", "FROM alpine:3.20\n");
        Write(".git/objects/x.yaml", Pod);

        var result = new RepositoryWalker().Discover(_root.FullName, new DiscoveryOptions());

        Assert.Equal(["a/Dockerfile:1 alpine:3.20", "b/deploy.yaml:3 nginx:1.25", "b/deploy.yaml:4 redis:7"],
            result.Sites.Select(s => $"{s.File}:{s.Line} {s.Image}"));
        Assert.Equal(2, result.FilesRead);
    }

    [Fact]
    public void Discover_BinaryLargeAndNonUtf8Files_AreSkippedWithReasons()
    {
        Write("bin.yaml", "image: a\0b");
        Write("big.yaml", Pod + new string('#', 200));
        File.WriteAllBytes(Path.Combine(_root.FullName, "latin1.yaml"), [0x69, 0xE9, 0x0A]);

        var result = new RepositoryWalker().Discover(_root.FullName, new DiscoveryOptions(MaxFileBytes: 100));

        Assert.Empty(result.Sites);
        Assert.Equal(["big.yaml", "bin.yaml", "latin1.yaml"], result.Skipped.Select(s => s.File));
        Assert.Contains("limit", result.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("binary", result.Skipped[1].Reason, StringComparison.Ordinal);
        Assert.Contains("UTF-8", result.Skipped[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_SymlinkOutsideTheRepository_IsNeverFollowed()
    {
        File.WriteAllText(Path.Combine(_outside.FullName, "secret.yaml"), Pod);
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "escape.yaml"), Path.Combine(_outside.FullName, "secret.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "escape-dir"), _outside.FullName);
        Write("real/pod.yaml", Pod);
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "inside.yaml"), Path.Combine(_root.FullName, "real", "pod.yaml"));

        var result = new RepositoryWalker().Discover(_root.FullName, new DiscoveryOptions());

        Assert.Equal(["inside.yaml", "real/pod.yaml"], result.Sites.Select(s => s.File));
        Assert.Equal(["escape-dir", "escape.yaml"], result.Skipped.Select(s => s.File).Order(StringComparer.Ordinal));
        Assert.All(result.Skipped, s => Assert.Contains("outside the repository", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void EncodeDecode_BomAndCrlf_RoundTripByteForByte()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a: ü\r\nb: 2\r\n")).ToArray();

        var text = ManifestText.Decode(bytes)!;

        Assert.Equal('\uFEFF', text[0]);
        Assert.Equal(bytes, ManifestText.Encode(text));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
