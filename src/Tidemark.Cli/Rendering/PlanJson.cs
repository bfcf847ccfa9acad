namespace Tidemark.Cli.Rendering;

/// <summary><c>tidemark plan --output json</c> (documented in docs/plan.md).</summary>
internal sealed record PlanJson(
    ModeJson Mode,
    IReadOnlyList<ChangeJson> Changes,
    IReadOnlyList<UnchangedJson> Unchanged,
    IReadOnlyList<FailedJson> Failed,
    IReadOnlyList<string> Errors,
    IReadOnlyList<SkippedJson> Skipped,
    IReadOnlyList<ExplainJson>? Explain);

/// <summary>Which references may change and why; one entry per Flux ImageUpdateAutomation (none without Flux).</summary>
internal sealed record ModeJson(string Name, string Description, IReadOnlyList<AutomationJson> Automations);

internal sealed record AutomationJson(string Namespace, string Name, string File, int Line, string Path, string? PushBranch, bool Suspended);

/// <summary>A change; <c>automation</c> is <c>NAMESPACE/NAME</c> of the Flux ImageUpdateAutomation whose pull request carries it, or null.</summary>
internal sealed record ChangeJson(string Image, string From, string To, string Policy, string? Group, string Reason, IReadOnlyList<PlaceJson> Files, string? Automation, string? HeldBack);

internal sealed record PlaceJson(string File, int Line);

/// <summary>An image whose registry failed: <c>kind</c> is <c>unreachable</c>, <c>unauthorized</c>, <c>not-found</c>, <c>rate-limited</c>, <c>server-error</c> or <c>invalid-response</c>.</summary>
internal sealed record FailedJson(string Image, string Registry, Tidemark.Registries.RegistryErrorKind Kind, string Error);

internal sealed record UnchangedJson(string Image, string? Current, string Reason, string? File, int? Line, string? HeldBack);

internal sealed record ExplainJson(string Image, string? Current, string Policy, string PolicyFrom, string Decision, IReadOnlyList<ScanStepJson> Steps, IReadOnlyList<ScanVerdictJson> Candidates);
