namespace Tidemark.State;

/// <summary>A stored run; <see cref="EndedAt"/> and <see cref="Outcome"/> are null while it runs (or if it crashed); <see cref="RunId"/> names the <c>tidemark run</c> it was part of.</summary>
internal sealed record RunRecord(
    long Id,
    string Repository,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Outcome,
    int References,
    int Changes,
    int Errors,
    string? RunId = null);
