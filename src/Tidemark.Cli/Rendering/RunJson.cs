namespace Tidemark.Cli.Rendering;

/// <summary><c>tidemark run --output json</c>: one object per command (schema: docs/run.schema.json, documented in docs/run.md).</summary>
internal sealed record RunJson(string Repository, string Run, bool DryRun, ModeJson Mode, IReadOnlyList<RunResultJson> Results, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors);

/// <summary>One update branch and pull request: the repository's, or one Flux ImageUpdateAutomation's.</summary>
internal sealed record RunResultJson(
    long? RunId,
    string? Automation,
    string BaseBranch,
    string UpdateBranch,
    string Action,
    RunPullRequestJson? PullRequest,
    bool Pushed,
    string? Commit,
    string Push,
    IReadOnlyList<ChangeJson> Changes,
    IReadOnlyList<UnchangedJson> Unchanged,
    IReadOnlyList<FailedJson> Failed,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Errors);

internal sealed record RunPullRequestJson(int Number, string? Url);
