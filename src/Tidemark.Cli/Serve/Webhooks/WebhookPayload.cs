namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>An authenticated delivery as the parsers see it: the raw body and the request headers (case-insensitive names).</summary>
internal sealed record WebhookPayload(ReadOnlyMemory<byte> Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static WebhookPayload Of(ReadOnlyMemory<byte> body, params (string Name, string Value)[] headers) =>
        new(body, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase));
}
