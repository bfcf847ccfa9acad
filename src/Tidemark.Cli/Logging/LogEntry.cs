using Microsoft.Extensions.Logging;
using Tidemark.Credentials;

namespace Tidemark.Cli.Logging;

/// <summary>One log event before it is written: its stable event name (e.g. <c>git.push.denied</c>), message and fields.</summary>
internal sealed record LogEntry(LogLevel Level, string Event, string Category, string Message, IReadOnlyList<KeyValuePair<string, string?>> Fields, string? Exception)
{
    public LogEntry Redact(ISecretRedactor redactor) => this with
    {
        Message = redactor.Redact(Message),
        Fields = [.. Fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value is null ? null : redactor.Redact(f.Value)))],
        Exception = Exception is null ? null : redactor.Redact(Exception),
    };
}
