namespace Tidemark.Automation;

/// <summary>One decision's identity: the image repository, the tag in use, and the policy.</summary>
internal sealed record ImageKey(string Name, string? Tag, string Policy)
{
    public override string ToString() => Tag is null ? Name : $"{Name}:{Tag}";
}
