using System.Text.Json;
using Tidemark.Cli.Serve.Scheduling;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// The CNCF distribution registry's notifications (<c>application/vnd.docker.distribution.events.v1+json</c>): an
/// envelope <c>{"events": [...]}</c>. Only <c>push</c> events of a manifest with a <c>target.tag</c> count (blob pushes
/// and digest-only pushes are ignored); the image is <c>request.host</c> (the address the pusher used) plus
/// <c>target.repository</c>. The events' ids identify the delivery, which the registry retries until answered 2xx.
/// </summary>
internal sealed class DistributionParser : IWebhookParser
{
    public string Sender => "distribution";

    public WebhookParse Parse(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (PayloadJson.Root(payload.Body, out var error) is not { } root)
        {
            return new WebhookParse.Malformed(error!);
        }

        if (PayloadJson.Array(root, "events") is not { } events)
        {
            return new WebhookParse.Malformed("a distribution notification is an envelope with an events array");
        }

        var ids = new List<string>();
        var triggers = new List<WebhookTrigger>();
        foreach (var item in events.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || PayloadJson.String(item, "action") is not { } action)
            {
                return new WebhookParse.Malformed("each event of a distribution notification needs an action");
            }

            ids.Add(PayloadJson.String(item, "id") ?? "");
            if (Pushed(item, action) is { } trigger)
            {
                triggers.Add(trigger);
            }
            else if (action == "push" && PayloadJson.String(item, "target", "tag") is not null && Image(item) is null)
            {
                return new WebhookParse.Malformed("a push event needs target.repository and request.host (or target.url)");
            }
        }

        var delivery = ids.Count > 0 && ids.TrueForAll(id => id.Length > 0) ? "events:" + string.Join(',', ids) : null;
        return triggers.Count > 0
            ? new WebhookParse.Accepted(delivery, triggers)
            : new WebhookParse.Ignored(delivery, "no tagged manifest push among the events");
    }

    private static WebhookTrigger? Pushed(JsonElement item, string action)
    {
        if (action != "push" || PayloadJson.String(item, "target", "tag") is not { } tag || !IsManifest(item))
        {
            return null;
        }

        return Image(item) is { } image ? new WebhookTrigger.ImagePushed(image, tag) : null;
    }

    /// <summary>Blob pushes carry <c>application/octet-stream</c> (and no tag); a manifest or index media type names one.</summary>
    private static bool IsManifest(JsonElement item) =>
        PayloadJson.String(item, "target", "mediaType") is not { } type ||
        type.Contains("manifest", StringComparison.OrdinalIgnoreCase) || type.Contains("index", StringComparison.OrdinalIgnoreCase);

    private static string? Image(JsonElement item)
    {
        if (PayloadJson.String(item, "target", "repository") is not { } repository)
        {
            return null;
        }

        var host = PayloadJson.String(item, "request", "host") ??
            (Uri.TryCreate(PayloadJson.String(item, "target", "url"), UriKind.Absolute, out var url) ? url.Authority : null);
        return host is null ? null : ImageNames.TryNormalise(host, repository);
    }
}
