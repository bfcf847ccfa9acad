namespace Tidemark.Automation;

/// <summary>One image moving to a new tag, with every place it is written — the unit the PR body lists.</summary>
internal sealed record PlannedChange(string Image, string From, string To, string Policy, string? Group, string Reason, IReadOnlyList<SitePlace> Files)
{
    /// <summary>Each written value the change rewrites, for commit message templates.</summary>
    public IReadOnlyList<SiteChange> Sites { get; init; } = [];

    /// <summary>What moves: an image (the default), a Helm chart version or an OCI artifact; the pull request lists charts and artifacts in their own section.</summary>
    public Manifests.ArtifactKind Artifact { get; init; } = Manifests.ArtifactKind.Image;

    /// <summary>For a chart or artifact, the objects that hold it, e.g. <c>HelmRelease apps/podinfo</c>.</summary>
    public IReadOnlyList<string> Holders { get; init; } = [];

    /// <summary>A newer tag the policy keeps out (a newer major for <c>non-breaking</c>), e.g. <c>v2.0.0</c>; null when none.</summary>
    public string? HeldBack { get; init; }
}

/// <summary>A place in the repository: a repository-relative file and a 1-based line.</summary>
internal sealed record SitePlace(string File, int Line);
