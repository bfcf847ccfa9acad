namespace Tidemark.Manifests;

/// <summary>Something that looked like a reference (or a whole file) and was not used, with why, e.g.
/// (<c>apps/podinfo.yaml</c>, 14, <c>setter marker has text besides the JSON object</c>).</summary>
internal sealed record Skipped(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
