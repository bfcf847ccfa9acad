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
    SourcePlace Place);
