using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Tidemark.Cli.Logging;

/// <summary>
/// The two line formats (docs/logging.md). Text: <c>TIME LEVEL EVENT [CATEGORY] MESSAGE</c>. JSON: one object a line
/// with <c>timestamp</c>, <c>level</c>, <c>event</c>, <c>category</c>, <c>message</c>, then each structured field
/// in camelCase (<c>action</c>, <c>target</c>, …) and <c>exception</c> when there was one.
/// </summary>
internal static class LogLines
{
    private static readonly string[] Reserved = ["timestamp", "level", "event", "category", "message", "exception"];

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "information",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "critical",
    };

    public static string Text(LogEntry entry, DateTimeOffset at)
    {
        var line = $"{Timestamp(at)} {Level(entry.Level)} {entry.Event} [{entry.Category}] {OneLine(entry.Message)}";
        return entry.Exception is null ? line : $"{line} (exception: {OneLine(entry.Exception)})";
    }

    public static string Json(LogEntry entry, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", Timestamp(at));
            json.WriteString("level", Level(entry.Level));
            json.WriteString("event", entry.Event);
            json.WriteString("category", entry.Category);
            json.WriteString("message", entry.Message);
            foreach (var (key, value) in entry.Fields)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(key);
                json.WriteString(Reserved.Contains(name) ? "field." + name : name, value);
            }

            if (entry.Exception is not null)
            {
                json.WriteString("exception", entry.Exception);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.ReplaceLineEndings(" | ");
}
