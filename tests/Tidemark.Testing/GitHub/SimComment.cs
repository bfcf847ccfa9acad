namespace Tidemark.Testing.GitHub;

/// <summary>An issue comment on a pull request.</summary>
public sealed record SimComment(long Id, string Body, string Login, DateTimeOffset CreatedAt);
