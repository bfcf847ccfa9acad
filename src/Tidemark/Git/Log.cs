using Microsoft.Extensions.Logging;

namespace Tidemark.Git;

/// <summary>Source-generated log messages of the Git folder (STYLE.md §17). Arguments are redacted before logging.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, EventName = "git.started", Level = LogLevel.Debug, Message = "git {Arguments} in {Directory}")]
    public static partial void GitStarting(ILogger logger, string arguments, string directory);

    [LoggerMessage(EventId = 3002, EventName = "git.finished", Level = LogLevel.Debug, Message = "git {Subcommand} exited {ExitCode} after {ElapsedMs} ms")]
    public static partial void GitFinished(ILogger logger, string subcommand, int exitCode, long elapsedMs);

    [LoggerMessage(EventId = 3003, EventName = "git.killed", Level = LogLevel.Warning, Message = "git {Subcommand} killed after {ElapsedMs} ms ({Reason})")]
    public static partial void GitKilled(ILogger logger, string subcommand, long elapsedMs, string reason);

    [LoggerMessage(EventId = 3004, EventName = "git.failed", Level = LogLevel.Information, Message = "git {Subcommand} failed: {Kind}")]
    public static partial void GitFailed(ILogger logger, string subcommand, GitFailureKind kind);
}
