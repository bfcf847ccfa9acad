namespace Tidemark.Automation;

/// <summary>An image (or a reference) that is left as it is, and why — for <c>plan</c>'s <c>unchanged</c> list.</summary>
internal sealed record NotUpdated(string Image, string? Current, string Reason, string? File = null, int Line = 0)
{
    /// <summary>A newer tag the policy keeps out (a newer major for <c>non-breaking</c>); null when none.</summary>
    public string? HeldBack { get; init; }

    /// <summary>The policy that decided, e.g. <c>non-breaking</c>; null when none applied (ignored, not marked).</summary>
    public string? Policy { get; init; }
}
