namespace Tidemark.Versions;

/// <summary><c>major</c>: any newer version. Keeps the current tag's shape.</summary>
internal sealed record MajorPolicy : VersionPolicy
{
    public override string Name => "major";
}
