namespace Tidemark.Manifests;

/// <summary>A range of UTF-16 code units in a file's full decoded text (a BOM counts as one), e.g. (42, 6).</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End
        || Start == other.Start;

    public override string ToString() => $"[{Start}..{End})";
}
