namespace Tidemark.Versions;

/// <summary><c>non-breaking</c>: the highest newer version of the same major; for 0.x only newer patches (the default). Keeps the current tag's shape.</summary>
internal sealed record NonBreakingPolicy : VersionPolicy
{
    public override string Name => "non-breaking";
}
