namespace Tidemark.Testing.GitHub;

/// <summary>A pull request as the simulator keeps it; the head SHA is refreshed from the bare repository.</summary>
public sealed class SimPullRequest
{
    public required long Id { get; init; }

    public required int Number { get; init; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    /// <summary>open or closed.</summary>
    public string State { get; set; } = "open";

    public bool Merged { get; set; }

    public bool Draft { get; init; }

    public required string HeadRef { get; init; }

    public required string HeadSha { get; set; }

    public required string BaseRef { get; set; }

    public required string Author { get; init; }

    public List<string> Labels { get; } = [];

    public List<string> RequestedReviewers { get; } = [];

    public List<string> Assignees { get; } = [];

    /// <summary>When the pull request was merged (<see cref="Merged"/>), and the commit the merge made on the base.</summary>
    public DateTimeOffset? MergedAt { get; set; }

    public string? MergeCommitSha { get; set; }

    public string? MergedBy { get; set; }

    public List<SimComment> Comments { get; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
