namespace Tidemark.Configuration;

internal sealed record CommitConfig
{
    public string AuthorName { get; init; } = "tidemark";

    public string AuthorEmail { get; init; } = "tidemark@users.noreply.github.com";

    public string? MessageTemplate { get; init; }

    public bool SignOff { get; init; }
}
