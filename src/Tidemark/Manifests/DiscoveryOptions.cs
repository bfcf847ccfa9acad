namespace Tidemark.Manifests;

/// <summary>How the walker reads a repository: the largest file it reads (default 1 MiB) and the kinds to run.</summary>
internal sealed record DiscoveryOptions(long MaxFileBytes = DiscoveryOptions.DefaultMaxFileBytes, IReadOnlyList<IManifestKind>? Kinds = null)
{
    public const long DefaultMaxFileBytes = 1024 * 1024;

    public IReadOnlyList<IManifestKind> KindsToRun => Kinds ?? ManifestKinds.All;
}
