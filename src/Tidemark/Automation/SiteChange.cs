namespace Tidemark.Automation;

/// <summary>
/// One written value a change rewrites, as Flux's commit templates see it: the file and line, the setter marker's
/// name (<c>flux-system:podinfo:tag</c>; empty without a marker), and the scalar's text before and after
/// (<c>v1.16.2</c> → <c>v1.18.2</c> for a tag field; the whole reference for an image field).
/// </summary>
internal sealed record SiteChange(string File, int Line, string Setter, string OldValue, string NewValue);
