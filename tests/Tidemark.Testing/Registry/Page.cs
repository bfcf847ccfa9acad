namespace Tidemark.Testing.Registry;

/// <summary>One page of tags and, when more remain, the last tag to continue after.</summary>
internal sealed record Page(IReadOnlyList<string> Tags, string? NextLast);
