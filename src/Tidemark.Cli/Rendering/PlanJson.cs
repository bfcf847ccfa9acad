namespace Tidemark.Cli.Rendering;

/// <summary><c>tidemark plan --output json</c> (documented in docs/plan.md).</summary>
internal sealed record PlanJson(
    IReadOnlyList<ChangeJson> Changes,
    IReadOnlyList<UnchangedJson> Unchanged,
    IReadOnlyList<string> Errors,
    IReadOnlyList<SkippedJson> Skipped,
    IReadOnlyList<ExplainJson>? Explain);

internal sealed record ChangeJson(string Image, string From, string To, string Policy, string? Group, string Reason, IReadOnlyList<PlaceJson> Files);

internal sealed record PlaceJson(string File, int Line);

internal sealed record UnchangedJson(string Image, string? Current, string Reason);

internal sealed record ExplainJson(string Image, string? Current, string Policy, string Decision, IReadOnlyList<ScanStepJson> Steps, IReadOnlyList<ScanVerdictJson> Candidates);
