using System.Text.Json;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>Permissive reading of webhook JSON: unknown fields are ignored, a missing or wrong-typed field reads as null.</summary>
internal static class PayloadJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = false };

    /// <summary>The body's root object, or null (with why) when it is not a JSON object.</summary>
    public static JsonElement? Root(ReadOnlyMemory<byte> body, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"the body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return null;
            }

            error = null;
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            error = $"the body is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})";
            return null;
        }
    }

    /// <summary>The object at <paramref name="path"/>, or null.</summary>
    public static JsonElement? Object(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Object } found ? found : null;

    /// <summary>The array at <paramref name="path"/>, or null.</summary>
    public static JsonElement? Array(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Array } found ? found : null;

    /// <summary>The string at <paramref name="path"/>, or null (also when it is empty).</summary>
    public static string? String(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.String } found && found.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>The boolean at <paramref name="path"/>, or null.</summary>
    public static bool? Boolean(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } found ? found.GetBoolean() : null;

    private static JsonElement? At(JsonElement element, string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
