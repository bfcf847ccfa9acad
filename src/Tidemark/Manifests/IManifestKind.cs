namespace Tidemark.Manifests;

/// <summary>
/// One kind of file that holds image references (Kubernetes workloads, Kustomize <c>images:</c>, a Dockerfile…).
/// Pure: <see cref="Find"/> takes a file's decoded text and its repository-relative path (e.g.
/// <c>apps/web/deployment.yaml</c>) and returns references with exact spans. Registered in
/// <see cref="ManifestKinds.All"/>.
/// </summary>
internal interface IManifestKind
{
    /// <summary>The kind's name as reported, e.g. <c>kubernetes</c>.</summary>
    string Name { get; }

    /// <summary>Whether a file with this repository-relative path is this kind's to read.</summary>
    bool Handles(string path);

    /// <summary>A cheap substring test run before parsing, e.g. "contains <c>image</c>".</summary>
    bool Screen(string content);

    /// <summary>References in file order, and what was skipped with a reason.</summary>
    KindFindings Find(string content, string path);
}
