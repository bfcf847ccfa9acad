namespace Tidemark.Manifests;

/// <summary>
/// How the walker reads a repository: the largest file it reads (default 1 MiB), the kinds to run, which files'
/// references to keep (<see cref="Include"/>, by repository-relative path; null keeps all) and an observer that
/// sees the text of every file read (e.g. to collect Flux objects in the same pass).
/// </summary>
internal sealed record DiscoveryOptions(long MaxFileBytes = DiscoveryOptions.DefaultMaxFileBytes, IReadOnlyList<IManifestKind>? Kinds = null)
{
    public const long DefaultMaxFileBytes = 1024 * 1024;

    public IReadOnlyList<IManifestKind> KindsToRun => Kinds ?? ManifestKinds.All;

    public Func<string, bool>? Include { get; init; }

    public Action<string, string>? Observe { get; init; }
}
