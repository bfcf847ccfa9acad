using Tidemark.Versions;

namespace Tidemark.Automation;

/// <summary>The decision for one <see cref="ImageKey"/>: move to a new tag, or stay, with the reason (STYLE §15).</summary>
internal abstract record Decision(ImageKey Key, ResolvedPolicy Policy, Selection? Selection)
{
    /// <summary>The newest tag a relative policy keeps out (a newer major for <c>non-breaking</c>), e.g. <c>v2.0.0</c>; null when none.</summary>
    public string? HeldBack { get; init; }

    /// <summary>Move from the current tag to <paramref name="To"/> (and <paramref name="Digest"/> when the reference pins one).</summary>
    public sealed record Update(ImageKey Key, ResolvedPolicy Policy, Selection? Selection, string To, string? Group, string Reason) : Decision(Key, Policy, Selection);

    /// <summary>Stay: up to date, nothing newer allowed, held by a group, or the registry failed.</summary>
    public sealed record Keep(ImageKey Key, ResolvedPolicy Policy, Selection? Selection, string Reason, bool IsError = false) : Decision(Key, Policy, Selection);
}
