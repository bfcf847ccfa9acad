namespace Tidemark.Testing.GitHub;

/// <summary>A validated pull request creation request.</summary>
internal sealed record PullDraft(string Title, string? Body, string Head, string HeadSha, string Base, string BaseSha, bool Draft);
