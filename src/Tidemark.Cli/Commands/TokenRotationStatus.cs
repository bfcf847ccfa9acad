namespace Tidemark.Cli.Commands;

/// <summary>The rotation in <c>tidemark token status</c>. <see cref="State"/> is overlap, overdue or finished.</summary>
internal sealed record TokenRotationStatus(string Current, string Next, DateTimeOffset NextWorkedSince, DateTimeOffset OverlapEndsAt, string State, string Message);
