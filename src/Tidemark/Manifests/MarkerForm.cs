namespace Tidemark.Manifests;

/// <summary>The four forms of a Flux setter marker (<c>ns:name</c>, <c>ns:name:tag</c>, <c>:name</c>, <c>:digest</c>).</summary>
internal enum MarkerForm
{
    Full,
    Tag,
    Name,
    Digest,
}
