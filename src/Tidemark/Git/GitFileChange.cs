namespace Tidemark.Git;

/// <summary>The new bytes of one file, by its path relative to the repository root (forward slashes). Example: ("apps/podinfo/release.yaml", bytes).</summary>
internal sealed record GitFileChange(string Path, ReadOnlyMemory<byte> Content);
