namespace Tidemark.Cli.Rendering;

/// <summary><c>tidemark refs --output json</c> (documented in docs/manifests.md).</summary>
internal sealed record RefsJson(IReadOnlyList<ReferenceJson> References, IReadOnlyList<SkippedJson> Skipped);

internal sealed record ReferenceJson(string File, int Line, int Column, string Kind, string Image, string? Registry, string? Repository, string? Tag, string? Digest, string Policy, string? PolicySource, string Artifact);

internal sealed record SkippedJson(string File, int Line, string Reason);
