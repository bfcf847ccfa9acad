namespace Tidemark.Tests.Manifests;

/// <summary>
/// A folder <c>testdata/manifests/KIND/CASE</c> with <c>original/</c>, <c>expected/</c> and <c>edits.txt</c>
/// (one edit a line: <c>REFERENCE-AS-WRITTEN-OR-FILE:LINE NEWTAG-OR-DIGEST</c>, <c>#</c> comments allowed).
/// </summary>
public sealed record GoldenCase(string Kind, string Name)
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "testdata", "manifests");

    public string Folder => Path.Combine(Root, Kind, Name);

    public static IEnumerable<GoldenCase> All() =>
        Directory.GetDirectories(Root).Order(StringComparer.Ordinal)
            .SelectMany(kind => Directory.GetDirectories(kind).Order(StringComparer.Ordinal)
                .Select(folder => new GoldenCase(Path.GetFileName(kind), Path.GetFileName(folder))));

    public IReadOnlyList<(string Site, string Value)> Edits() =>
        [.. File.ReadAllLines(Path.Combine(Folder, "edits.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (parts[0], parts[1]))];

    /// <summary>Repository-relative paths of the files under <c>original/</c>.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(Folder, "original"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Folder, "original"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public byte[] Original(string file) => File.ReadAllBytes(Path.Combine(Folder, "original", file));

    public byte[] Expected(string file) => File.ReadAllBytes(Path.Combine(Folder, "expected", file));

    public override string ToString() => $"{Kind}/{Name}";
}
