namespace Tidemark.Manifests;

/// <summary>
/// A Flux setter marker, e.g. <c># {"$imagepolicy": "flux-system:podinfo:tag"}</c> →
/// (<c>flux-system</c>, <c>podinfo</c>, <see cref="MarkerForm.Tag"/>, line 12).
/// </summary>
internal sealed record SetterMarker(string Namespace, string Name, MarkerForm Form, int Line);
