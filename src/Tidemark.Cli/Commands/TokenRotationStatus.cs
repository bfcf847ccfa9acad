namespace Tidemark.Cli.Commands;

/// <summary>
/// The rotation in <c>tidemark token status</c>. <see cref="State"/> is overlap, overdue, finished, or refused (the
/// latest run did not adopt the next token: it lacks a capability; then the two times are null).
/// </summary>
internal sealed record TokenRotationStatus(string Current, string Next, DateTimeOffset? NextWorkedSince, DateTimeOffset? OverlapEndsAt, string State, string Message);
