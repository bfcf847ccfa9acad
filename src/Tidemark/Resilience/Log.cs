using Microsoft.Extensions.Logging;

namespace Tidemark.Resilience;

/// <summary>Source-generated log messages of the resilience pipelines. Never pass a token or a query string.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7001, EventName = "remote.retry", Level = LogLevel.Warning,
        Message = "{Kind} {Method} {Path}: {Reason}; retry {Attempt} of {Retries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, RemoteKind kind, string method, string path, string reason, int attempt, int retries, long delayMs);

    [LoggerMessage(EventId = 7002, EventName = "remote.circuit.open", Level = LogLevel.Warning,
        Message = "{Kind} {Host}: {Failures} failed requests in a row (last: {Reason}); not calling it for {BreakSeconds} s")]
    public static partial void CircuitOpened(ILogger logger, RemoteKind kind, string host, int failures, string reason, double breakSeconds);
}
