namespace Tidemark.Configuration.Flux;

/// <summary>An <c>ImageUpdateAutomation</c>: the branches, commit author and message, and update path.</summary>
internal sealed record FluxImageUpdateAutomation(
    string Namespace,
    string Name,
    string? CheckoutBranch,
    string? PushBranch,
    string? AuthorName,
    string? AuthorEmail,
    string? MessageTemplate,
    string? UpdatePath,
    SourcePlace Place)
{
    /// <summary>Where the template's first line is in the file (the line after <c>|</c> or <c>&gt;</c> for a block scalar).</summary>
    public SourcePlace? MessageTemplatePlace { get; init; }

    /// <summary><c>spec.git.commit.messageTemplateValues</c>, exposed to the template as <c>.Values</c>.</summary>
    public IReadOnlyDictionary<string, string> MessageTemplateValues { get; init; } = new Dictionary<string, string>();
}
