namespace Tidemark.Versions;

/// <summary><c>minor</c>: a newer minor or patch of the current major (0.5 may move to 0.7). Keeps the current tag's shape.</summary>
internal sealed record MinorPolicy : VersionPolicy
{
    public override string Name => "minor";
}
