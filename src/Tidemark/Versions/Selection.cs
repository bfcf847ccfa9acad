namespace Tidemark.Versions;

/// <summary>
/// The outcome of <see cref="TagSelector.Select"/>: the selected tag (null when none qualifies), a one-line
/// <see cref="Reason"/> (<c>v1.18.2 is the highest v1.x.y newer than v1.16.2 (non-breaking)</c>), how many tags
/// were eligible (<see cref="Candidates"/>, the selected one included), the stages that removed tags (only stages
/// that removed some) and, when asked to explain, one verdict per input tag in input order.
/// </summary>
internal sealed record Selection(
    string? Selected,
    string Reason,
    int Candidates,
    IReadOnlyList<SelectionStep> Steps,
    IReadOnlyList<TagVerdict> Verdicts);
