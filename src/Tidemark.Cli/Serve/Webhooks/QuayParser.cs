using System.Text.Json;
using Tidemark.Cli.Serve.Scheduling;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// Quay repository notifications for "Push to Repository": <c>docker_url</c> (e.g. <c>quay.io/org/app</c>, the host
/// of a self-hosted Quay included) and <c>updated_tags</c> (a list of tag names, or an object of tag → image id in older
/// payloads). No id and no custom header: the secret travels in the URL path.
/// </summary>
internal sealed class QuayParser : IWebhookParser
{
    public string Sender => "quay";

    public WebhookParse Parse(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (PayloadJson.Root(payload.Body, out var error) is not { } root)
        {
            return new WebhookParse.Malformed(error!);
        }

        var url = PayloadJson.String(root, "docker_url");
        var repository = PayloadJson.String(root, "repository");
        if (url is null && repository is null)
        {
            return new WebhookParse.Malformed("a Quay notification needs docker_url or repository");
        }

        var image = url is not null ? ImageNames.TryNormalise(url) : ImageNames.TryNormalise("quay.io", repository!);
        if (image is null)
        {
            return new WebhookParse.Malformed($"{url ?? repository} is not a valid image repository name");
        }

        var tags = Tags(root);
        if (tags.Count == 0)
        {
            return new WebhookParse.Ignored(null, $"notification for {image} without updated tags (not a push)");
        }

        return new WebhookParse.Accepted(null, [.. tags.Select(tag => new WebhookTrigger.ImagePushed(image, tag))]);
    }

    private static List<string> Tags(JsonElement root)
    {
        if (!root.TryGetProperty("updated_tags", out var tags))
        {
            return [];
        }

        return tags.ValueKind switch
        {
            JsonValueKind.Array => [.. tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).Where(t => t.Length > 0)],
            JsonValueKind.Object => [.. tags.EnumerateObject().Select(p => p.Name).Where(t => t.Length > 0)],
            _ => [],
        };
    }
}
