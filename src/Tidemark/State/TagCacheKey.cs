namespace Tidemark.State;

/// <summary>An image repository on a registry. Example: ("ghcr.io", "stefanprodan/podinfo").</summary>
internal sealed record TagCacheKey(string Registry, string Repository);
