namespace Tidemark.Git;

/// <summary>Where a git command ran, for the message people read. Example: ("acme/gitops", "flux-image-updates", "push").</summary>
internal sealed record GitFailureContext(string Repository, string? Branch, string Operation);
