namespace Tidemark.Registries;

/// <summary>One page of a tags listing and the address of the next page, if any.</summary>
internal sealed record TagPage(IReadOnlyList<string> Tags, Uri? Next);
