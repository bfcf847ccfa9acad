using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tidemark.Cli.Rendering;

/// <summary>The one JSON style of every <c>--output json</c>: camelCase, indented, nulls written, arrows unescaped.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>An enum value as every JSON output writes it, e.g. <c>RateLimited</c> → <c>rate-limited</c>.</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static async Task WriteAsync<T>(TextWriter writer, T value)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(value, Options)).ConfigureAwait(false);
    }
}
