using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Tidemark.Credentials;

namespace Tidemark.Cli.Logging;

/// <summary>
/// Writes log lines to standard error (the command's <see cref="CliEnvironment.Error"/>) as text or JSON lines, with
/// the formatted message, the exception and every structured value passed through the process's redactor first, so
/// a registered secret cannot reach a log line whatever a caller passes.
/// </summary>
internal sealed class RedactingLogProvider(TextWriter output, LogSettings settings, ISecretRedactor redactor, TimeProvider time) : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, RedactingLogger> _loggers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new RedactingLogger(this, name));

    public void Dispose() => _loggers.Clear();

    internal void Write(LogEntry entry)
    {
        var redacted = entry.Redact(redactor);
        var line = settings.Format == LogFormat.Json ? LogLines.Json(redacted, time.GetUtcNow()) : LogLines.Text(redacted, time.GetUtcNow());
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
