using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>
/// What a run would change and why — recorded once and everything is derived from it: <c>plan</c>'s table, JSON
/// and diff, the commit message and the pull request body (STYLE §9).
/// </summary>
internal sealed record Plan(
    IReadOnlyList<PlannedChange> Changes,
    IReadOnlyList<NotUpdated> Unchanged,
    IReadOnlyList<string> Errors,
    IReadOnlyList<Skipped> Skipped,
    IReadOnlyList<FileEdit> Edits,
    IReadOnlyList<Decision> Decisions)
{
    public bool HasErrors => Errors.Count > 0;

    /// <summary>Images whose registry failed: not checked, so neither changed nor up to date.</summary>
    public IReadOnlyList<FailedImage> Failed { get; init; } = [];

    /// <summary>The scope the plan covers: one Flux automation's path, or the whole repository.</summary>
    public UpdateScope Scope { get; init; } = UpdateScope.Repository;
}
