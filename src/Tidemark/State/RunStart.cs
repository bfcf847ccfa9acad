namespace Tidemark.State;

/// <summary>A run begins. Example: ("acme/gitops", "schedule", "20261203T131404Z-1a2b3c"); <paramref name="RunId"/> names the <c>tidemark run</c> it is part of.</summary>
internal sealed record RunStart(string Repository, string Trigger, string? RunId = null);
