namespace Tidemark.Versions;

/// <summary><c>patch</c>: a newer patch of the current major.minor. Keeps the current tag's shape.</summary>
internal sealed record PatchPolicy : VersionPolicy
{
    public override string Name => "patch";
}
