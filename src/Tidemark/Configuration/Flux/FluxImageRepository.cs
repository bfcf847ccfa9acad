namespace Tidemark.Configuration.Flux;

/// <summary>
/// An <c>ImageRepository</c> (image.toolkit.fluxcd.io v1beta2 or v1). <see cref="ExclusionList"/> is null
/// when the field is absent (Flux then excludes <c>^.*\.sig$</c>); a given list replaces that default.
/// <see cref="SecretRef"/> is a valid Kubernetes name (a folder under the operator's --secrets-dir). Its
/// <c>spec.insecure</c> is not kept: plain HTTP is the operator's choice only (docs/security.md).
/// </summary>
internal sealed record FluxImageRepository(
    string Namespace,
    string Name,
    string Image,
    IReadOnlyList<string>? ExclusionList,
    string? SecretRef,
    SourcePlace Place);
