namespace Tidemark.State;

/// <summary>
/// A rotation: the next token <see cref="NextFingerprint"/> first worked at <see cref="NextWorkedSince"/> while
/// <see cref="CurrentFingerprint"/> was still configured, with the configured overlap window; <see cref="LastSeenAt"/>
/// is the last run that saw both.
/// </summary>
internal sealed record TokenRotationRecord(string NextFingerprint, string CurrentFingerprint, DateTimeOffset NextWorkedSince, TimeSpan Overlap, DateTimeOffset LastSeenAt);
