using Microsoft.Extensions.Logging;

namespace Tidemark.Cli.Commands;

/// <summary>The commands' log events (stable names, structured fields, never a secret: tokens appear as fingerprints).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, EventName = "TokenExpiry", Level = LogLevel.Information,
        Message = "token {Fingerprint} reached expiry threshold {Threshold} days: {Notice}")]
    public static partial void TokenExpiry(ILogger logger, string fingerprint, int threshold, string notice);

    [LoggerMessage(EventId = 3002, EventName = "TokenExpiryComment", Level = LogLevel.Information,
        Message = "expiry notice {Threshold} for token {Fingerprint} commented on {PullRequest}")]
    public static partial void TokenExpiryComment(ILogger logger, int threshold, string fingerprint, string pullRequest);
}
