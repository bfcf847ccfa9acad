namespace Tidemark.Configuration;

/// <summary>
/// <c>unmarked:</c> in <c>tidemark.yaml</c>: which references without a Flux setter marker are updated when the
/// repository holds an <c>ImageUpdateAutomation</c> (Flux itself changes only marked ones). Nothing by default;
/// <c>update: true</c> opts in every unmarked reference, <c>paths</c> those in some folders, <c>images</c> some images.
/// Example: <c>unmarked: {paths: [apps], images: ["ghcr.io/stefanprodan/*"]}</c>.
/// </summary>
internal sealed record UnmarkedConfig(bool UpdateAll, IReadOnlyList<string> Paths, IReadOnlyList<string> Images, SourcePlace? Place)
{
    public static UnmarkedConfig None { get; } = new(false, [], [], null);

    /// <summary>Whether any unmarked reference is opted in at all.</summary>
    public bool OptsInAny => UpdateAll || Paths.Count > 0 || Images.Count > 0;

    /// <summary>Whether the unmarked reference in <paramref name="file"/> to the image (canonical or familiar name) is opted in.</summary>
    public bool OptsIn(string file, string canonicalName, string familiarName) =>
        UpdateAll
        || Paths.Any(path => RepositoryPaths.Contains(path, file))
        || Images.Any(glob => NameGlob.IsMatch(glob, canonicalName) || NameGlob.IsMatch(glob, familiarName));
}
