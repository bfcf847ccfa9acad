namespace Tidemark.State;

/// <summary>A run begins. Example: ("acme/gitops", "schedule").</summary>
internal sealed record RunStart(string Repository, string Trigger);
