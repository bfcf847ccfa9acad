using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

public sealed class ManifestKindContractTests
{
    // Folders under src/Tidemark/Manifests that hold shared code, not a kind.
    private static readonly string[] SharedFolders = ["Yaml"];

    public static TheoryData<string> KindNames()
    {
        var data = new TheoryData<string>();
        foreach (var kind in ManifestKinds.All)
        {
            data.Add(kind.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Kind_Registered_HasGoldenCases(string name)
    {
        var folder = Path.Combine(GoldenCase.Root, name);

        Assert.True(Directory.Exists(folder), $"no golden cases in {folder}");
        Assert.NotEmpty(Directory.GetDirectories(folder));
        Assert.All(Directory.GetDirectories(folder), c => Assert.True(File.Exists(Path.Combine(c, "edits.txt")), c));
    }

    [Fact]
    public void KindFolders_OnDisk_EqualTheRegisteredKinds()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Tidemark", "Manifests");
        var onDisk = Directory.GetDirectories(source).Select(Path.GetFileName).Except(SharedFolders).Order(StringComparer.Ordinal);
        var registered = ManifestKinds.All.Select(k => k.GetType().Namespace!.Split('.')[^1]).Order(StringComparer.Ordinal);

        Assert.Equal(registered, onDisk);
    }

    [Fact]
    public void GoldenFolders_OnDisk_EqualTheRegisteredKindNames()
    {
        var onDisk = Directory.GetDirectories(GoldenCase.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(ManifestKinds.All.Select(k => k.Name).Order(StringComparer.Ordinal), onDisk);
    }

    [Fact]
    public void Kinds_Registered_HaveDistinctNames() =>
        Assert.Equal(ManifestKinds.All.Count, ManifestKinds.All.Select(k => k.Name).Distinct().Count());

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Find_EmptyOrUnrelatedText_FindsNothing(string name)
    {
        var kind = ManifestKinds.ByName(name)!;

        Assert.Empty(kind.Find("", "x").Sites);
        Assert.Empty(kind.Find("just: text\n", "x").Sites);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tidemark.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException("Tidemark.slnx not found above " + AppContext.BaseDirectory);
    }
}
