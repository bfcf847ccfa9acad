using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Tidemark.Cli.Logging;

/// <summary>One category's logger of <see cref="RedactingLogProvider"/>: captures the event, message and structured fields.</summary>
internal sealed class RedactingLogger(RedactingLogProvider provider, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var fields = new List<KeyValuePair<string, string?>>();
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                if (key != "{OriginalFormat}")
                {
                    fields.Add(new(key, value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)));
                }
            }
        }

        var name = eventId.Name ?? (eventId.Id != 0 ? eventId.Id.ToString(CultureInfo.InvariantCulture) : category);
        provider.Write(new LogEntry(logLevel, name, category, formatter(state, exception), fields, exception?.Message));
    }
}
