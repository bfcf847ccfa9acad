namespace Tidemark.State;

/// <summary>What a run decided for one image. Example: ("ghcr.io/stefanprodan/podinfo", "6.5.0", "6.6.0", "semver ^6", "newer tag in range").</summary>
internal sealed record DecisionRecord(string Image, string? From, string? To, string Policy, string Reason);
