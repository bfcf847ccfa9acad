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

    /// <summary>Newer tags the policies keep out (newer majors under <c>non-breaking</c>), for moved and unchanged images.</summary>
    public IReadOnlyList<HeldBackUpdate> HeldBack =>
    [
        .. Changes.Where(c => c.HeldBack is not null).Select(c => new HeldBackUpdate(c.Image, c.To, c.HeldBack!, c.Policy)),
        .. Unchanged.Where(u => u.HeldBack is not null && u.Current is not null).Select(u => new HeldBackUpdate(u.Image, u.Current!, u.HeldBack!, u.Policy ?? "")),
    ];

    /// <summary>The scope the plan covers: one Flux automation's path, or the whole repository.</summary>
    public UpdateScope Scope { get; init; } = UpdateScope.Repository;
}
