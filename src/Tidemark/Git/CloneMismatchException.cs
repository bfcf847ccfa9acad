namespace Tidemark.Git;

/// <summary>A folder holds a clone of another repository than the one asked for; the message names both and the fix.</summary>
internal sealed class CloneMismatchException(string directory, string origin, string expected)
    : InvalidOperationException($"the clone at {directory} has origin {origin}, not {expected}; remove the folder to clone again");
