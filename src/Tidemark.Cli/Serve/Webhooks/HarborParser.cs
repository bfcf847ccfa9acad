using Tidemark.Cli.Serve.Scheduling;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// Harbor project webhooks in the default payload format: <c>type</c> <c>PUSH_ARTIFACT</c>, with
/// <c>event_data.resources[]</c> whose <c>resource_url</c> (<c>harbor.example.com/project/app:1.2.3</c>) names the host
/// and repository and <c>tag</c> the pushed tag. Harbor sends the webhook's "Auth Header" as the <c>Authorization</c>
/// header. Other event types are ignored; no id, so replays are recognised by the body.
/// </summary>
internal sealed class HarborParser : IWebhookParser
{
    public string Sender => "harbor";

    public WebhookParse Parse(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (PayloadJson.Root(payload.Body, out var error) is not { } root)
        {
            return new WebhookParse.Malformed(error!);
        }

        if (PayloadJson.String(root, "type") is not { } type)
        {
            return new WebhookParse.Malformed("a Harbor notification needs a type (and the default payload format, not CloudEvents)");
        }

        if (type != "PUSH_ARTIFACT")
        {
            return new WebhookParse.Ignored(null, $"Harbor event {type} is not a push");
        }

        if (PayloadJson.Array(root, "event_data", "resources") is not { } resources)
        {
            return new WebhookParse.Malformed("a PUSH_ARTIFACT notification needs event_data.resources");
        }

        var triggers = new List<WebhookTrigger>();
        foreach (var resource in resources.EnumerateArray())
        {
            var url = PayloadJson.String(resource, "resource_url");
            if (url is null || ImageNames.TryNormalise(url) is not { } image)
            {
                return new WebhookParse.Malformed($"event_data.resources[].resource_url {url ?? "(missing)"} is not an image reference");
            }

            if (PayloadJson.String(resource, "tag") is { } tag)
            {
                triggers.Add(new WebhookTrigger.ImagePushed(image, tag));
            }
        }

        return triggers.Count > 0
            ? new WebhookParse.Accepted(null, triggers)
            : new WebhookParse.Ignored(null, "PUSH_ARTIFACT without a tag");
    }
}
