using Microsoft.Extensions.Logging;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>Source-generated log messages of the webhooks. Never pass a secret, a header or a request path.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8101, EventName = "webhook.accepted", Level = LogLevel.Information,
        Message = "webhook {Sender} delivery {Delivery}: {Summary}")]
    public static partial void Accepted(ILogger logger, string sender, string delivery, string summary);

    [LoggerMessage(EventId = 8102, EventName = "webhook.ignored", Level = LogLevel.Information,
        Message = "webhook {Sender} delivery {Delivery} ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string sender, string delivery, string reason);

    [LoggerMessage(EventId = 8103, EventName = "webhook.replayed", Level = LogLevel.Information,
        Message = "webhook {Sender} delivery {Delivery} was handled before; ignored")]
    public static partial void Replayed(ILogger logger, string sender, string delivery);

    [LoggerMessage(EventId = 8104, EventName = "webhook.refused", Level = LogLevel.Warning,
        Message = "webhook {Sender} delivery refused with {Status} ({Outcome}): {Reason}")]
    public static partial void Refused(ILogger logger, string sender, int status, string outcome, string reason);

    [LoggerMessage(EventId = 8105, EventName = "webhook.disabled", Level = LogLevel.Warning,
        Message = "webhook {Sender} disabled: its secret ({Source}) is shorter than {Minimum} characters; use a longer random secret")]
    public static partial void SecretTooShort(ILogger logger, string sender, string source, int minimum);
}
