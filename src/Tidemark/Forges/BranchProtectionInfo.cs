namespace Tidemark.Forges;

/// <summary>The parts of classic branch protection that decide whether an update can land, e.g. checks <c>ci/build</c>.</summary>
internal sealed record BranchProtectionInfo(
    string Branch,
    IReadOnlyList<string> RequiredStatusChecks,
    int RequiredApprovingReviews,
    bool EnforceAdmins);
