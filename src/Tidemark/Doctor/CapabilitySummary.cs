namespace Tidemark.Doctor;

/// <summary>One summary line: e.g. (PushBranch, Error, "Grant Contents: Read and write …"); <see cref="Fix"/> is the first fix of the first failing check.</summary>
internal sealed record CapabilitySummary(Capability Capability, CheckLevel Level, string? Fix);
