using Microsoft.Extensions.Logging;

namespace Tidemark.Cli.Logging;

/// <summary>
/// The log format and level: <c>--log-format</c> (global), else <c>TIDEMARK_LOG_FORMAT</c>, else text; level from
/// <c>TIDEMARK_LOG_LEVEL</c> (default warning). The format is settable because the command line is parsed after the
/// logger factory is built (commands receive it as they are created).
/// </summary>
internal sealed class LogSettings
{
    public const string FormatVariable = "TIDEMARK_LOG_FORMAT";
    public const string LevelVariable = "TIDEMARK_LOG_LEVEL";

    public LogFormat Format { get; set; } = LogFormat.Text;

    public LogLevel MinimumLevel { get; init; } = LogLevel.Warning;

    /// <summary>The settings the environment asks for; the error says which variable is wrong and what it accepts.</summary>
    public static (LogSettings Settings, string? Error) FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var settings = new LogSettings
        {
            MinimumLevel = variable(LevelVariable) is { } level && Enum.TryParse<LogLevel>(level, true, out var parsed) ? parsed : LogLevel.Warning,
        };
        if (variable(FormatVariable) is not { Length: > 0 } format)
        {
            return (settings, null);
        }

        if (!TryParseFormat(format, out var chosen))
        {
            return (settings, $"{FormatVariable}={format}: write text or json");
        }

        settings.Format = chosen;
        return (settings, null);
    }

    public static bool TryParseFormat(string text, out LogFormat format)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "text":
                format = LogFormat.Text;
                return true;
            case "json":
                format = LogFormat.Json;
                return true;
            default:
                format = LogFormat.Text;
                return false;
        }
    }
}
