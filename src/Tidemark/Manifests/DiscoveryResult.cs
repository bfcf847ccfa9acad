namespace Tidemark.Manifests;

/// <summary>
/// Every reference found in a repository (sorted by file, line, column), what was skipped with why, and how much
/// was read. <see cref="Sites"/> paths are repository-relative with <c>/</c>, e.g. <c>apps/web/deployment.yaml</c>.
/// </summary>
internal sealed record DiscoveryResult(IReadOnlyList<ReferenceSite> Sites, IReadOnlyList<Skipped> Skipped, int FilesRead, long BytesRead);
