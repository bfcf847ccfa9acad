namespace Tidemark.Automation;

/// <summary>An image (or a reference) that is left as it is, and why — for <c>plan</c>'s <c>unchanged</c> list.</summary>
internal sealed record NotUpdated(string Image, string? Current, string Reason, string? File = null, int Line = 0);
